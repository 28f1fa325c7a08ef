import { Body, Controller, Get, Headers, HttpCode, Inject, Param, Post, Query, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBody, ApiCreatedResponse, ApiExcludeEndpoint, ApiOkResponse, ApiOperation, ApiParam, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { IdGenerator } from '../../../../libs/domain/src';
import { OPENING_COMMAND, TRAJECTORY_COMMANDS, trajectoryCommandDefinition, type TrajectoryCommandDefinition } from '../../../../workflows/trajectory/src';
import { allowedForRole } from '../auth/command-scope';
import { ApiProblem } from '../openapi/problem-responses';
import { Ctx, type RequestContext } from '../principal/request-context';
import { HttpProblem } from '../problem-details/http-problem';
import { RunTrajectoryCommand } from './commands/run-trajectory.command';
import { commandInputOf } from './http/command-input';
import { etagOf, expectedVersionFrom, matchesIfNoneMatch } from './http/etag';
import { parseHistoryAsOf, parseHistoryInstant } from './http/history-instant';
import { TrajectoryIdPipe } from './http/trajectory-id.pipe';
import { GetTrajectoryHistoryQuery } from './queries/get-trajectory-history.query';
import { GetTrajectoryQuery } from './queries/get-trajectory.query';
import { bodySchemaRef } from './openapi/command-paths';
import { ID_GENERATOR } from './trajectory.tokens';
import { CommandResultViewSchema, TrajectoryHistoryViewSchema, TrajectoryViewSchema } from './views/trajectory.schemas';

/** Commands run on an existing trajectory; receive-saisine opens one through POST /trajectories. */
const RUNNABLE_COMMANDS: readonly string[] = TRAJECTORY_COMMANDS.filter((name) => name !== OPENING_COMMAND);
const OPENING = trajectoryCommandDefinition(OPENING_COMMAND) as TrajectoryCommandDefinition;

@ApiTags('trajectories')
@Controller('trajectories')
export class TrajectoriesController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Receive a saisine', description: OPENING.description.en })
  @ApiBody({ required: true, schema: { $ref: bodySchemaRef(OPENING_COMMAND) } })
  @ApiCreatedResponse({ type: CommandResultViewSchema, description: 'Location: /trajectories/{id}; ETag: the version.' })
  async receiveSaisine(
    @Body() body: unknown,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { payload, meta } = commandInputOf(OPENING, body, ctx);
    const id = this.ids.next();
    const result = await this.commandBus.execute(new RunTrajectoryCommand(id, OPENING_COMMAND, payload, meta));
    void reply.header('location', `/trajectories/${id}`).header('etag', etagOf(result.version));
    return allowedForRole(result, ctx.actor.role);
  }

  // Documented per command by addCommandPaths (one path and body schema each), not from here.
  @Post(':id/commands/:command')
  @HttpCode(200)
  @ApiExcludeEndpoint()
  async runCommand(
    @Param('id', TrajectoryIdPipe) id: string,
    @Param('command') name: string,
    @Body() body: unknown,
    @Headers('if-match') ifMatch: string | undefined,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const definition = RUNNABLE_COMMANDS.includes(name) ? trajectoryCommandDefinition(name) : undefined;
    if (!definition) {
      throw new HttpProblem(404, 'unknown-command', `There is no command "${name.slice(0, 64)}" on a trajectory.`, {
        commands: RUNNABLE_COMMANDS,
      });
    }
    const expectedVersion = expectedVersionFrom(ifMatch);
    const { payload, meta } = commandInputOf(definition, body, ctx, expectedVersion);
    const result = await this.commandBus.execute(new RunTrajectoryCommand(id, name, payload, meta));
    void reply.header('etag', etagOf(result.version));
    return allowedForRole(result, ctx.actor.role);
  }

  @Get(':id')
  @ApiOperation({ summary: 'The trajectory now', description: 'Stage, referent, programme, active briques, next deadlines, allowed commands, and the integrity of the events it was folded from. ETag: the version (304 on If-None-Match, never while the integrity is broken).' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: TrajectoryViewSchema, headers: { ETag: { description: 'The version, e.g. "7": send it as If-Match.', schema: { type: 'string' } } } })
  @ApiResponse({ status: 304, description: 'Not modified: If-None-Match names the current version.' })
  @ApiProblem(400, 'invalid-trajectory-id', 'The id is not a UUID.')
  @ApiProblem(404, 'trajectory-not-found', 'No such trajectory (or not one you may see).')
  async get(
    @Param('id', TrajectoryIdPipe) id: string,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Ctx() ctx: RequestContext,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const view = allowedForRole(await this.queryBus.execute(new GetTrajectoryQuery(id)), ctx.actor.role);
    void reply.header('etag', etagOf(view.version)).header('cache-control', 'private, no-cache');
    // The version alone does not say the stream is intact: a broken chain is always sent in full.
    if (view.integrity.status === 'ok' && matchesIfNoneMatch(ifNoneMatch, view.version)) {
      await reply.code(304).send();
      return;
    }
    await reply.send(view);
  }

  @Get(':id/history')
  @ApiOperation({
    summary: 'Every event of the trajectory',
    description:
      'With ?at=<instant>: only the events recorded at or before it, and the trajectory as the service knew it then (selectedBy recordedAt). ' +
      'With ?asOf=<date>: only the events whose business date (occurredAt) is on or before that Paris date, whenever they were recorded, ' +
      'and the trajectory as it stood that day, its deadlines decided against it (selectedBy occurredAt). Not both.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiQuery({ name: 'at', required: false, example: '2026-03-01T10:00:00Z', description: 'An ISO 8601 instant with its offset: select events by recordedAt.' })
  @ApiQuery({ name: 'asOf', required: false, schema: { type: 'string', format: 'date' }, example: '2026-04-20', description: 'A Paris calendar date: select events by occurredAt.' })
  @ApiOkResponse({ type: TrajectoryHistoryViewSchema })
  @ApiProblem(400, 'invalid-trajectory-id', 'The id is not a UUID, `at` is not an instant, `asOf` not a date, or both were given.')
  @ApiProblem(404, 'trajectory-not-found', 'No such trajectory (or not opened yet at that instant or date).')
  async history(@Param('id', TrajectoryIdPipe) id: string, @Query('at') at: unknown, @Query('asOf') asOf: unknown) {
    return this.queryBus.execute(new GetTrajectoryHistoryQuery(id, parseHistoryInstant(at), parseHistoryAsOf(asOf, at)));
  }
}
