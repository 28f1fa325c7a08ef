import type { ProjectionRuntime } from './projection-runtime';

/**
 * Opens the store and its database for the worker and the CLI, from the same environment as the
 * API: DATABASE_URL (+ DATABASE_SCHEMA) for PostgreSQL, else DATA_DIR (default ./data) for PGlite.
 */
export async function openProjectionRuntime(_env: NodeJS.ProcessEnv): Promise<ProjectionRuntime> {
  // Wired to libs/event-store's createEventStore as soon as it is committed.
  throw new Error('the event store factory is not available yet');
}
