import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { scopeValues } from '../../../../libs/auth/src';
import { trajectoryStreamId } from '../../../../libs/domain/src';
import type { EventStore } from '../../../../libs/event-store/src/event-store.port';
import type { ProjectionDatabase } from '../../../../projections/core/sql.port';
import { partnerTrajectoriesOf, saisinesOf, validationsOf } from '../../../../projections/partners/partners.queries';
import { Ctx, type RequestContext } from '../principal/request-context';
import { EVENT_STORE } from '../store/store.tokens';
import { PartnerTrajectoryListSchema, SaisineListSchema, ValidationListSchema } from './partners.schemas';
import { PROJECTIONS_DATABASE } from './projections.tokens';

const scopesOf = (ctx: RequestContext, kind: string) => scopeValues({ ...ctx.actor, scopes: ctx.actor.scopes ?? [] }, kind);

/**
 * What the people outside the service read (issue 13, docs/security.md): each list is narrowed to
 * the caller's own scopes here, and carries nothing personal. The one exception is a shared
 * document's free text, read from its event when the household agreed to it being shared.
 */
@ApiTags('partners')
@Controller()
export class PartnersController {
  constructor(
    @Inject(PROJECTIONS_DATABASE) private readonly db: ProjectionDatabase,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @Get('saisines')
  @ApiOperation({ summary: 'The saisines a prescriber sent: id, date received, stage and status', description: 'Only those whose prescriber.id is one of the caller’s prescriber:<id> scopes.' })
  @ApiOkResponse({ type: SaisineListSchema })
  async saisines(@Ctx() ctx: RequestContext) {
    return { items: await saisinesOf(this.db, scopesOf(ctx, 'prescriber')) };
  }

  @Get('validations')
  @ApiOperation({
    summary: 'The measures submitted for validation: the programme’s submission form and the decisions',
    description: 'A validator reads the submissions addressed to its validator:<id> scopes; coordinators and auditors read all. Nothing personal.',
  })
  @ApiOkResponse({ type: ValidationListSchema })
  async validations(@Ctx() ctx: RequestContext) {
    const rows = await validationsOf(this.db, ctx.actor.role === 'validator' ? scopesOf(ctx, 'validator') : 'all');
    return { items: rows.map((r) => r.item) };
  }

  @Get('partner/trajectories')
  @ApiOperation({
    summary: 'A partner’s trajectories: their stage, what was shared with it, its meetings',
    description:
      'Where one of the caller’s partner:<id> scopes is the contract’s landlord, the prescriber, the relais partner, or received a document. ' +
      'A shared document shows its categorical content, and its free text only when the household agreed to share it.',
  })
  @ApiOkResponse({ type: PartnerTrajectoryListSchema })
  async partnerTrajectories(@Ctx() ctx: RequestContext) {
    const rows = await partnerTrajectoriesOf(this.db, scopesOf(ctx, 'partner'));
    const items = [];
    for (const row of rows) {
      const shared = [];
      for (const share of row.shared) {
        const freeText = share.freeTextAgreed ? await this.freeTextOf(row.trajectoryId, share.eventVersion) : undefined;
        shared.push({
          on: share.on,
          document: share.document,
          householdAgreedOn: share.householdAgreedOn,
          content: share.content,
          ...(freeText !== undefined ? { text: freeText } : {}),
        });
      }
      items.push({ trajectoryId: row.trajectoryId, stage: row.stage, status: row.status, relations: row.relations, shared, meetings: row.meetings, upcomingMeetings: row.upcomingMeetings });
    }
    return { items };
  }

  /** The free text of a shared document, as the store holds it now (erased data reads as nothing). */
  private async freeTextOf(trajectoryId: string, version: number): Promise<string | undefined> {
    const [event] = await this.store.readStream(trajectoryStreamId(trajectoryId), { from: version, limit: 1 });
    const text = (event?.data as { personal?: { text?: unknown } } | undefined)?.personal?.text;
    return typeof text === 'string' ? text : undefined;
  }
}
