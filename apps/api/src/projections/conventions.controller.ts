import { Body, Controller, Get, Headers, HttpCode, Inject, Logger, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DomainError, ValidationError, type Clock } from '../../../../libs/domain/src';
import type { EventStore } from '../../../../libs/event-store/src/event-store.port';
import { waitForCheckpoint } from '../../../../projections/core/projection.host';
import type { ProjectionDatabase } from '../../../../projections/core/sql.port';
import { createConvention } from '../../../../projections/funder/convention.commands';
import { consumptionCsv, dashboardCsv, reportCsv } from '../../../../projections/funder/funder.csv';
import { FUNDER_PROJECTION } from '../../../../projections/funder/funder.projection';
import { conventionConsumption, conventionDashboard, conventionReport, findConventionByIdempotencyKey, findConventionByNaturalKey, getConvention, listConventions } from '../../../../projections/funder/funder.queries';
import { programmeDefaultsOf } from '../../../../projections/funder/programme-defaults';
import { ApiProblem } from '../openapi/problem-responses';
import { Ctx, type RequestContext } from '../principal/request-context';
import { CLOCK, EVENT_STORE } from '../store/store.tokens';
import { ConventionInputSchema, ConventionSchema } from './convention.schemas';
import { sendCsv, wantsCsv } from './csv-negotiation';
import { ApiJsonOrCsv } from './csv-response.decorator';
import { CONSUMPTION_CSV, DASHBOARD_CSV, REPORT_CSV } from './funder-figures.examples';
import { ConsumptionSchema, DashboardSchema, YearlyReportSchema } from './funder-figures.schemas';
import { PROJECTIONS_DATABASE, PROJECTIONS_OPTIONS, type ProjectionsModuleOptions } from './projections.tokens';
import { optionalMonth, optionalText, optionalYear } from './query-params';

export class AdminRequired extends DomainError {
  constructor() {
    super('admin-required', 'Only an admin may create a convention.', 'forbidden');
  }
}

const ID = /^[A-Za-z0-9._:-]{1,100}$/;

function conventionId(id: string): string {
  if (!ID.test(id)) throw new DomainError('convention-not-found', `No convention ${id}.`, 'not-found');
  return id;
}

const CONVENTION_EXAMPLE = {
  funder: 'departement-x',
  programme: 'asll-departement-x',
  year: 2026,
  prices: { perDiagnosticCents: 15000, perMonthCents: 19000 },
  yearlyCapCents: 4000000,
  funderShares: [
    { funder: 'departement-x', share: 0.6 },
    { funder: 'caf-x', share: 0.4 },
  ],
};

const NOT_FOUND = ['convention-not-found', 'No such convention (or not one of yours, for a funder).'] as const;

@ApiProblem(503)
@ApiTags('funders')
@Controller('conventions')
export class ConventionsController {
  private readonly logger = new Logger('ConventionsController');

  constructor(
    @Inject(PROJECTIONS_DATABASE) private readonly db: ProjectionDatabase,
    @Inject(PROJECTIONS_OPTIONS) private readonly options: ProjectionsModuleOptions,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({
    summary: "Create a funder's yearly convention under a programme (admin only)",
    description:
      'Amounts in integer euro cents (`...Cents` fields: 19000 is 190.00 EUR). Shares sum to 1 (default: the programme’s default shares, else the funder pays everything). ' +
      'Money terms left out (prices, yearlyCapCents, funderShares, plannedVolumes) are copied from the programme’s defaults and listed in `copiedFromProgramme`. ' +
      'Idempotent: the natural key is funder + programme + year + code (code default `<funder>-<year>`); the same convention posted again answers 200 with the recorded one, ' +
      'other terms under the same key answer 409 `convention-exists`. An `Idempotency-Key` header is recorded; reused with other terms it answers 409 `idempotency-key-reused`. ' +
      'Codes only: no names or free text.',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Any string up to 200 characters; a retry with the same key and body answers the convention already created.' })
  @ApiBody({ type: ConventionInputSchema, examples: { asll: { summary: 'Two funders, 60/40', value: CONVENTION_EXAMPLE } } })
  @ApiCreatedResponse({
    type: ConventionSchema,
    description: 'The convention, amounts in cents.',
    headers: { Location: { description: '/conventions/{id}', schema: { type: 'string' } } },
  })
  @ApiOkResponse({ type: ConventionSchema, description: 'The same convention was already recorded (a retry): the recorded one.' })
  @ApiProblem(400, 'invalid-convention', 'The convention is invalid (an unknown programme included): `errors` lists each field (amounts must be integer cents).')
  @ApiProblem(409, 'convention-exists', 'A convention with this funder, programme, year and code exists with other terms; or (`idempotency-key-reused`) the Idempotency-Key already created one with other terms.')
  async create(@Body() body: unknown, @Ctx() ctx: RequestContext, @Headers('idempotency-key') idempotencyKey: string | undefined, @Res({ passthrough: true }) reply: FastifyReply) {
    if (ctx.actor.role !== 'admin') throw new AdminRequired();
    const key = idempotencyKey?.trim();
    if (key !== undefined && (key.length === 0 || key.length > 200)) {
      throw new ValidationError('The Idempotency-Key header must be 1 to 200 characters.', [{ field: 'Idempotency-Key', reason: 'must be 1 to 200 characters' }], 'invalid-convention');
    }
    const { convention, checkpoint, created } = await createConvention(this.store, body, {
      actor: { id: ctx.actor.id, role: ctx.actor.role },
      clock: this.clock,
      correlationId: ctx.correlationId,
      programmeDefaults: this.options.programmes ? programmeDefaultsOf(this.options.programmes) : undefined,
      idempotencyKey: key,
      findByIdempotencyKey: (k) => findConventionByIdempotencyKey(this.db, k),
      findByNaturalKey: (k) => findConventionByNaturalKey(this.db, k),
    });
    void reply.header('location', `/conventions/${convention.id}`);
    if (!created) {
      void reply.status(200);
      return convention;
    }
    // Read-your-writes: the next GET should find it. If the runner is slow the convention is still
    // recorded; it shows up as soon as the funder projection gets there.
    this.options.host?.wake();
    if (checkpoint) {
      await waitForCheckpoint(this.db, checkpoint, [FUNDER_PROJECTION], this.options.readYourWritesMs ?? 5000).catch((e: unknown) =>
        this.logger.warn(`convention ${convention.id} recorded, not yet projected: ${e instanceof Error ? e.message : String(e)}`),
      );
    }
    return convention;
  }

  @Get()
  @ApiOperation({ summary: 'Conventions, newest year first (a funder sees its own)' })
  @ApiQuery({ name: 'programme', required: false })
  @ApiQuery({ name: 'year', required: false, type: 'integer' })
  @ApiOkResponse({ type: [ConventionSchema] })
  list(@Query('programme') programme?: string, @Query('year') year?: string) {
    return listConventions(this.db, { programme: optionalText('programme', programme), year: optionalYear(year) });
  }

  @Get(':id')
  @ApiOperation({ summary: 'One convention' })
  @ApiOkResponse({ type: ConventionSchema })
  @ApiProblem(404, ...NOT_FOUND)
  get(@Param('id') id: string) {
    return getConvention(this.db, conventionId(id));
  }

  @Get(':id/consumption')
  @ApiOperation({
    summary: 'What the convention consumed in a year: diagnostics, month-measures, measures by scale, dwelling-years, against the cap',
    description: 'A month-measure is a calendar month with at least one day in briques and not suspended. Months not begun are not counted.',
  })
  @ApiQuery({ name: 'year', required: false, type: 'integer', description: "Default: the convention's year" })
  @ApiJsonOrCsv(ConsumptionSchema, 'Quantities and amounts (integer euro cents) per unit kind, against the cap.', CONSUMPTION_CSV)
  @ApiProblem(404, ...NOT_FOUND)
  async consumption(@Param('id') id: string, @Query('year') year: string | undefined, @Query('format') format: string | undefined, @Headers('accept') accept: string | undefined, @Res() reply: FastifyReply) {
    const c = await conventionConsumption(this.db, this.clock, conventionId(id), optionalYear(year));
    if (wantsCsv(accept, format)) return sendCsv(reply, `consommation-${c.conventionId}-${c.year}.csv`, consumptionCsv(c));
    return reply.header('vary', 'accept').send(c);
  }

  @Get(':id/dashboard')
  @ApiOperation({ summary: 'Monthly dashboard (domain §7): saisines, diagnostics, active measures, month-measures, closures, amounts vs cap' })
  @ApiQuery({ name: 'month', required: false, description: 'YYYY-MM; default: this month in Europe/Paris' })
  @ApiJsonOrCsv(DashboardSchema, 'The month and the year to date; amounts in integer euro cents.', DASHBOARD_CSV)
  @ApiProblem(404, ...NOT_FOUND)
  async dashboard(@Param('id') id: string, @Query('month') month: string | undefined, @Query('format') format: string | undefined, @Headers('accept') accept: string | undefined, @Res() reply: FastifyReply) {
    const d = await conventionDashboard(this.db, this.clock, conventionId(id), optionalMonth(month));
    if (wantsCsv(accept, format)) return sendCsv(reply, `tableau-de-bord-${d.conventionId}-${d.month}.csv`, dashboardCsv(d));
    return reply.header('vary', 'accept').send(d);
  }

  @Get(':id/report')
  @ApiOperation({ summary: 'Yearly report (domain §7); every count under 5 is shown as "<5"' })
  @ApiQuery({ name: 'year', required: false, type: 'integer', description: "Default: the convention's year" })
  @ApiJsonOrCsv(YearlyReportSchema, 'Counts from 1 to 4 are "<5".', REPORT_CSV)
  @ApiProblem(404, ...NOT_FOUND)
  async report(@Param('id') id: string, @Query('year') year: string | undefined, @Query('format') format: string | undefined, @Headers('accept') accept: string | undefined, @Res() reply: FastifyReply) {
    const r = await conventionReport(this.db, this.clock, conventionId(id), optionalYear(year));
    if (wantsCsv(accept, format)) return sendCsv(reply, `rapport-${r.conventionId}-${r.year}.csv`, reportCsv(r));
    return reply.header('vary', 'accept').send(r);
  }
}
