import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { isUuid, NotFoundError, type Clock } from '../../../../libs/domain/src';

export type JobKind = 'rebuild' | 'verification';

/** What GET returns for a job: the client polls it until `status` is no longer `running`. */
export interface OperationJob {
  id: string;
  kind: JobKind;
  /** The projection of a rebuild; absent for a verification. */
  target?: string;
  status: 'running' | 'succeeded' | 'failed';
  startedAt: string;
  finishedAt?: string;
  progress?: unknown;
  result?: unknown;
  error?: { code: string; detail: string };
}

const KEEP_FINISHED = 20;

/**
 * The long tasks started over HTTP (a rebuild, a verification of every stream): each runs in this
 * process and is followed by polling its resource. Kept in memory: a restart forgets them, and an
 * interrupted rebuild is resumed by the projection's runner from its last committed batch anyway.
 */
export class OperationJobs {
  private readonly jobs = new Map<string, OperationJob>();
  private readonly logger = new Logger('Operations');

  constructor(private readonly clock: Clock) {}

  start<P, R>(kind: JobKind, target: string | undefined, work: (report: (progress: P) => void) => Promise<R>): OperationJob {
    const job: OperationJob = { id: randomUUID(), kind, ...(target ? { target } : {}), status: 'running', startedAt: this.clock.now().toISOString() };
    this.jobs.set(job.id, job);
    void work((progress) => {
      job.progress = progress;
    }).then(
      (result) => this.finish(job, { status: 'succeeded', result }),
      (error: unknown) => {
        const e = error instanceof Error ? error : new Error(String(error));
        const code = typeof (e as { code?: unknown }).code === 'string' ? String((e as { code?: unknown }).code) : 'operation-failed';
        if (code === 'operation-failed') this.logger.error(`${kind} ${job.id} failed: ${e.message}`, e.stack);
        this.finish(job, { status: 'failed', error: { code, detail: e.message } });
      },
    );
    return job;
  }

  /** The job of that kind (and target, when given), or a 404 problem. */
  get(kind: JobKind, id: string, target?: string): OperationJob {
    const job = isUuid(id) ? this.jobs.get(id.toLowerCase()) : undefined;
    if (!job || job.kind !== kind || (target !== undefined && job.target !== target)) throw new NotFoundError('job-not-found', `There is no ${kind} job ${String(id).slice(0, 64)} (jobs are kept in memory until the API restarts).`);
    return job;
  }

  running(kind: JobKind, target?: string): OperationJob | undefined {
    return [...this.jobs.values()].find((j) => j.kind === kind && j.target === target && j.status === 'running');
  }

  private finish(job: OperationJob, outcome: Pick<OperationJob, 'status' | 'result' | 'error'>): void {
    Object.assign(job, outcome, { finishedAt: this.clock.now().toISOString() });
    const finished = [...this.jobs.values()].filter((j) => j.status !== 'running');
    for (const old of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) this.jobs.delete(old.id);
  }
}
