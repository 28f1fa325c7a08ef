import type { CommandBaseDto } from '../dto/command-base.dto';
import type { CommandMetaInput } from '../commands/trajectory-command';
import type { RequestContext } from '../../principal/request-context';

/** The DTO minus its date, as plain JSON: exactly what will be stored (class instances and undefined removed). */
export function payloadOf(dto: CommandBaseDto): unknown {
  const { occurredAt: _occurredAt, ...payload } = dto;
  return JSON.parse(JSON.stringify(payload)) as unknown;
}

export function metaOf(dto: CommandBaseDto, ctx: RequestContext, expectedVersion?: number): CommandMetaInput {
  return {
    actor: { id: ctx.actor.id, role: ctx.actor.role },
    occurredAt: dto.occurredAt,
    correlationId: ctx.correlationId,
    ...(expectedVersion !== undefined ? { expectedVersion } : {}),
  };
}
