import type { Checkpoint } from '../event-store.port';
import { EventStoreValidationError } from '../event-store.errors';

/**
 * A checkpoint is "<commit>/<prepare>": for the SQL adapters (writing transaction id, global position),
 * for EventStoreDB its $all (commit, prepare) position. Both halves are unsigned 64-bit integers,
 * so they are compared as BigInt, never as numbers or strings ("10/1" sorts before "9/1" as text).
 */
export interface ParsedCheckpoint {
  commit: bigint;
  prepare: bigint;
}

const CHECKPOINT = /^(\d{1,20})\/(\d{1,20})$/;
const MAX_U64 = (1n << 64n) - 1n;

export function parseCheckpoint(checkpoint: Checkpoint, field = 'after'): ParsedCheckpoint {
  const m = typeof checkpoint === 'string' ? CHECKPOINT.exec(checkpoint) : null;
  if (!m) {
    throw new EventStoreValidationError(`${field} must be a checkpoint "<commit>/<prepare>", got ${JSON.stringify(checkpoint)}`, field);
  }
  const parsed = { commit: BigInt(m[1]), prepare: BigInt(m[2]) };
  if (parsed.commit > MAX_U64 || parsed.prepare > MAX_U64) {
    throw new EventStoreValidationError(`${field} is out of range: ${checkpoint}`, field);
  }
  return parsed;
}

export function formatCheckpoint(commit: bigint | number | string, prepare: bigint | number | string): Checkpoint {
  return `${String(commit)}/${String(prepare)}`;
}

/** Negative, zero or positive, like a sort comparator. */
export function compareCheckpoints(a: Checkpoint, b: Checkpoint): number {
  const x = parseCheckpoint(a, 'a');
  const y = parseCheckpoint(b, 'b');
  if (x.commit !== y.commit) return x.commit < y.commit ? -1 : 1;
  if (x.prepare !== y.prepare) return x.prepare < y.prepare ? -1 : 1;
  return 0;
}
