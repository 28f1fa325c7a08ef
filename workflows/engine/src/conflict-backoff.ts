/**
 * How long the runner waits before another attempt when a concurrent writer won the race. Without
 * a wait, twenty writers on one stream retry in lock-step and most of them lose every round; with a
 * jittered, growing wait they spread out and each finds a quiet moment. Time and randomness are
 * injected: the engine has no timer and no random source of its own.
 */
export interface ConflictBackoff {
  /** The first wait is drawn from [0, baseDelayMs); each later one from a range twice as wide... */
  baseDelayMs: number;
  /** ...up to this. */
  maxDelayMs: number;
  /** A number in [0, 1). */
  random: () => number;
  sleep: (ms: number) => Promise<void>;
}

/** "Full jitter": uniform in [0, min(max, base * 2^(n-1))) after the n-th lost attempt. */
export function backoffDelayMs(backoff: Pick<ConflictBackoff, 'baseDelayMs' | 'maxDelayMs' | 'random'>, lostAttempts: number): number {
  const ceiling = Math.min(backoff.maxDelayMs, backoff.baseDelayMs * 2 ** Math.max(0, lostAttempts - 1));
  return Math.floor(backoff.random() * ceiling);
}

/** The most a run can spend waiting with `maxAttempts` attempts (every draw at its ceiling). */
export function worstCaseWaitMs(backoff: Pick<ConflictBackoff, 'baseDelayMs' | 'maxDelayMs'>, maxAttempts: number): number {
  let total = 0;
  for (let lost = 1; lost < maxAttempts; lost++) total += Math.min(backoff.maxDelayMs, backoff.baseDelayMs * 2 ** (lost - 1));
  return total;
}
