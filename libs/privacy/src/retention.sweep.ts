import { parisDate, type Actor, type Clock } from '../../domain/src';
import type { ErasureOutcome, HouseholdEraser } from './household-eraser';
import { expiredHouseholds, type RetentionCandidate, type RetentionDecision } from './retention.policy';

export interface RetentionSweepDeps {
  /** Households whose trajectories are all closed and not erased yet (the retention read model). */
  candidates(): Promise<RetentionCandidate[]>;
  retentionMonthsOf(programmeCode: string): number | undefined;
  eraser: HouseholdEraser;
  clock: Clock;
  /** Who the erasures are recorded as: the engine itself. */
  actor?: Actor;
}

export interface SweepProgress {
  done: number;
  total: number;
  decision: RetentionDecision;
  outcome?: ErasureOutcome;
  error?: Error;
}

export interface SweepResult {
  today: string;
  erased: ErasureOutcome[];
  failed: { householdId: string; error: string }[];
}

export const RETENTION_ACTOR: Actor = { id: 'retention-job', role: 'system' };

/** Lists the households whose retention period is over, and erases them (the worker's daily job, the CLI). */
export class RetentionSweep {
  constructor(private readonly deps: RetentionSweepDeps) {}

  /** Who would be erased today and why; nothing is written. */
  async plan(): Promise<RetentionDecision[]> {
    const today = parisDate(this.deps.clock.now());
    const expired = expiredHouseholds(await this.deps.candidates(), today, (code) => this.deps.retentionMonthsOf(code));
    const pending: RetentionDecision[] = [];
    // The read model may lag behind an erasure made a moment ago: the record is the truth.
    for (const d of expired) if (!(await this.deps.eraser.erasureOf(d.householdId))) pending.push(d);
    return pending;
  }

  /** Erases every expired household; one failure does not stop the others (the next run retries it). */
  async run(onProgress?: (p: SweepProgress) => void): Promise<SweepResult> {
    const today = parisDate(this.deps.clock.now());
    const plan = await this.plan();
    const result: SweepResult = { today, erased: [], failed: [] };
    for (const [i, decision] of plan.entries()) {
      try {
        const outcome = await this.deps.eraser.erase(decision.householdId, { reason: 'retention-expired', actor: this.deps.actor ?? RETENTION_ACTOR });
        result.erased.push(outcome);
        onProgress?.({ done: i + 1, total: plan.length, decision, outcome });
      } catch (error) {
        const e = error instanceof Error ? error : new Error(String(error));
        result.failed.push({ householdId: decision.householdId, error: e.message });
        onProgress?.({ done: i + 1, total: plan.length, decision, error: e });
      }
    }
    return result;
  }
}
