import { setTimeout as sleep } from 'node:timers/promises';
import { type ConflictBackoff, worstCaseWaitMs } from '../../../../workflows/engine/src';

/**
 * The server's own retries of a write that lost a race (no If-Match). Sized so twenty clients
 * writing to one trajectory at once on PostgreSQL all get through (test/e2e/concurrent-writers):
 * attempts bounded, waits jittered and doubling, the worst case well under a second and a half.
 */
export const SERVER_CONFLICT_RETRY = { maxAttempts: 12, baseDelayMs: 4, maxDelayMs: 160 } as const;

export function serverConflictBackoff(random: () => number = Math.random): ConflictBackoff {
  return { baseDelayMs: SERVER_CONFLICT_RETRY.baseDelayMs, maxDelayMs: SERVER_CONFLICT_RETRY.maxDelayMs, random, sleep: (ms) => sleep(ms) };
}

/** What the OpenAPI document says about writes without If-Match, from the numbers above. */
export function describeConflictRetry(): string {
  const { maxAttempts, baseDelayMs, maxDelayMs } = SERVER_CONFLICT_RETRY;
  const worst = worstCaseWaitMs({ baseDelayMs, maxDelayMs }, maxAttempts);
  return (
    `Without it the server retries a write that lost a race with another writer itself: it reloads the trajectory, ` +
    `decides again (the command may now be refused for what happened meanwhile) and appends, up to ${maxAttempts} attempts ` +
    `with a random wait between them (at most ${baseDelayMs} ms, doubling up to ${maxDelayMs} ms; ${worst} ms in all at worst). ` +
    'Only if other writers win every attempt does it answer 409 concurrency-conflict: send the command again.'
  );
}
