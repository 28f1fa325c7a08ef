import type { EventStore } from '../../libs/event-store/src/event-store.port';
import type { ProjectionLock } from './projection.lock';
import type { Migrator } from './projection.schema';
import type { ProjectionDatabase } from './sql.port';

/** What running or rebuilding projections needs: the store to read, the database to write, a lock, migrations. */
export interface ProjectionRuntime {
  store: Pick<EventStore, 'readAll' | 'info'>;
  db: ProjectionDatabase;
  lock: ProjectionLock;
  migrator: Migrator;
  /** For messages: "postgres 127.0.0.1:5432/test (schema public)", "pglite ./data". */
  description: string;
  close(): Promise<void>;
}

export interface RuntimeOpenOptions {
  /** Who opens an embedded directory, for its lock ('worker', 'cli'). */
  owner?: string;
  /** Refuse an embedded directory that holds no store instead of creating one (the CLI). */
  mustExist?: boolean;
}

export type RuntimeOpener = (env: NodeJS.ProcessEnv, options?: RuntimeOpenOptions) => Promise<ProjectionRuntime>;
