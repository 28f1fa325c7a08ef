import { readEnumSetting } from '../../../libs/config/src';

export interface WorkerConfig {
  batchSize: number;
  /** RETENTION_JOB=off for a copy that must not erase (a restored backup being examined). */
  retentionJob: 'on' | 'off';
  idleMs: number;
  holdMidBatch?: number;
}

function positiveInt(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a positive integer, not ${JSON.stringify(raw)}`);
  return n;
}

export function readWorkerConfig(env: NodeJS.ProcessEnv): WorkerConfig {
  return {
    batchSize: positiveInt(env, 'PROJECTIONS_BATCH_SIZE', 1000),
    idleMs: positiveInt(env, 'PROJECTIONS_POLL_MS', 250),
    retentionJob: readEnumSetting(env, 'RETENTION_JOB', ['on', 'off'] as const, 'on'),
    ...(env.PROJECTIONS_TEST_HOLD_MID_BATCH ? { holdMidBatch: positiveInt(env, 'PROJECTIONS_TEST_HOLD_MID_BATCH', 1) } : {}),
  };
}
