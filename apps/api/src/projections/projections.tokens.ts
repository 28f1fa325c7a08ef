import type { SqlDatabase } from '../../../../libs/event-store/src';
import type { ProgrammeRegistry } from '../../../../workflows/programmes/src';
import type { Projection } from '../../../../projections/core/projection.port';
import type { ProjectionHost } from '../../../../projections/core/projection.host';
import type { ProjectionDatabase } from '../../../../projections/core/sql.port';

/** The database holding the read models (the store's own database). */
export const PROJECTIONS_DATABASE = Symbol('ProjectionsDatabase');
export const PROJECTIONS_OPTIONS = Symbol('ProjectionsOptions');

export interface ProjectionsModuleOptions {
  db: ProjectionDatabase;
  /** The runners of this process, when the API runs them (embedded store); absent when a worker does. */
  host?: ProjectionHost;
  /** Projections reported on /health (default: the built-in ones). */
  projections?: readonly Pick<Projection, 'name'>[];
  /** How long POST /conventions waits for the funder read model to show the new convention (ms). */
  readYourWritesMs?: number;
  /** The store's own SQL database (forStore): verifications over HTTP check every stored row there. */
  storeDatabase?: SqlDatabase;
  /** The catalogue's programmes: POST /conventions refuses an unknown one and copies its money defaults. */
  programmes?: ProgrammeRegistry;
  /** The module starts `host` when the app starts and stops it when the app closes (forStore sets it). */
  startHost?: boolean;
}
