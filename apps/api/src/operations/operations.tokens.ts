import type { SqlDatabase } from '../../../../libs/event-store/src';
import type { ProjectionHost } from '../../../../projections/core/projection.host';
import type { ProjectionDatabase } from '../../../../projections/core/sql.port';

export const OPERATIONS_OPTIONS = Symbol('OperationsOptions');
export const OPERATION_JOBS = Symbol('OperationJobs');

export interface OperationsOptions {
  /** The read models' database. */
  db: ProjectionDatabase;
  /** This process' projection runners, when the API runs them (the embedded store). */
  host?: ProjectionHost;
  /** The store's own SQL database, when it has one: verifications check every stored row there. */
  storeDatabase?: SqlDatabase;
}
