import { Forbidden } from '../../../../libs/auth/src';
import type { Actor } from '../../../../libs/domain/src';
import { COMMAND_POLICY, type CallerRole } from './access-policy';

/** The 'assigned' scope: a referent reaches only the trajectories assigned to them. */
export function assertAssigned(context: { referentId?: string }, caller: { id: string }): void {
  if (context.referentId !== caller.id) {
    throw new Forbidden('This trajectory is not assigned to you: a referent reaches only their own caseload.', 'not-your-trajectory');
  }
}

/**
 * COMMAND_POLICY's scope for this command and caller, checked on the trajectory a command decides on.
 * The guard checks it first, on the cached snapshot when there is one; the runner checks it again on
 * every attempt, so a reassignment made by another process is never missed (CommandRunnerDeps.authorize).
 */
export function assertCommandScope(command: string, context: { referentId?: string }, actor: Actor): void {
  const grant = Object.prototype.hasOwnProperty.call(COMMAND_POLICY, command) ? COMMAND_POLICY[command][actor.role as CallerRole] : undefined;
  if (grant?.scope === 'assigned') assertAssigned(context, actor);
}

/** Whether COMMAND_POLICY grants this command to this role at all (a role it lists nowhere gets 403). */
export function roleMayRun(command: string, role: string): boolean {
  return Object.prototype.hasOwnProperty.call(COMMAND_POLICY, command) && COMMAND_POLICY[command][role as CallerRole] !== undefined;
}

/**
 * An answer's allowedCommands (and commandRequirements, in the same order) narrowed to what the
 * caller's role may run: a screen builds its buttons from them, and a button the server would
 * answer 403 to must not be offered. The machine says what the case allows; the policy, who.
 */
export function allowedForRole<T extends { allowedCommands: readonly string[]; commandRequirements?: readonly { command: string }[] }>(answer: T, role: string): T {
  return {
    ...answer,
    allowedCommands: answer.allowedCommands.filter((name) => roleMayRun(name, role)),
    ...(answer.commandRequirements ? { commandRequirements: answer.commandRequirements.filter((r) => roleMayRun(r.command, role)) } : {}),
  };
}
