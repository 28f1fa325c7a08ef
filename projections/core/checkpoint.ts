import { START, type Checkpoint } from '../../libs/event-store/src/event-store.port';

/**
 * Checkpoints are opaque to handlers; only the runner and the health report compare them. The
 * SQL adapters write "commit/position" (writing transaction id, global position), so two of them
 * compare as a pair of integers, never as strings ("10/5" < "9/7" as text).
 */
export interface ParsedCheckpoint {
  commit: bigint;
  position: bigint;
}

export function parseCheckpoint(checkpoint: Checkpoint): ParsedCheckpoint {
  const m = /^(\d+)\/(\d+)$/.exec(checkpoint);
  if (!m) throw new Error(`Not a checkpoint: "${checkpoint}" (expected "commit/position").`);
  return { commit: BigInt(m[1]), position: BigInt(m[2]) };
}

export function compareCheckpoints(a: Checkpoint, b: Checkpoint): number {
  const pa = parseCheckpoint(a);
  const pb = parseCheckpoint(b);
  if (pa.commit !== pb.commit) return pa.commit < pb.commit ? -1 : 1;
  if (pa.position !== pb.position) return pa.position < pb.position ? -1 : 1;
  return 0;
}

/** The global position a checkpoint stands at (0 for START). */
export function positionOf(checkpoint: Checkpoint): number {
  return Number(parseCheckpoint(checkpoint).position);
}

export { START };
