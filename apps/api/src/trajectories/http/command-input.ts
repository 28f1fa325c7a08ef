import { ValidationError } from '../../../../../libs/domain/src';
import { readCommandBody, type TrajectoryCommandDefinition } from '../../../../../workflows/trajectory/src';
import type { RequestContext } from '../../principal/request-context';
import type { CommandMetaInput } from '../commands/run-trajectory.command';

export interface CommandInput {
  payload: Record<string, unknown>;
  meta: CommandMetaInput;
}

/**
 * The body checked against the command's one definition (the same check the engine runs): a 400
 * invalid-input naming each wrong field, in English (`reason`) and French (`reasonFr`).
 */
export function commandInputOf(definition: TrajectoryCommandDefinition, body: unknown, ctx: RequestContext, expectedVersion?: number): CommandInput {
  const read = readCommandBody(definition, body);
  if (!read.ok) {
    const fields = read.problems;
    const summary = fields.length === 1 ? `${fields[0].field}: ${fields[0].reason}` : `${fields.length} fields are invalid`;
    throw new ValidationError(`The request is invalid (${summary}).`, fields);
  }
  return {
    payload: read.payload,
    meta: {
      actor: { id: ctx.actor.id, role: ctx.actor.role },
      occurredAt: read.occurredAt,
      correlationId: ctx.correlationId,
      ...(expectedVersion !== undefined ? { expectedVersion } : {}),
    },
  };
}
