import type { SqlDatabase, SqlExecutor } from '../../../../libs/event-store/src';
// The runner itself rather than the package index: the index also loads the pg and PGlite drivers.
import { runMigrations } from '../../../../libs/event-store/src/sql/migration-runner';
import type { AccessedResource, AccessLog, AccessLogEntry, AccessLogQuery, AccessLogRecord } from './access-log.repository';
import { ACCESS_LOG_MIGRATIONS } from './access-log.migrations';

interface Row {
  id: string | number;
  at: Date | string;
  actor_id: string;
  actor_role: string;
  trajectory_id: string;
  resource: AccessedResource;
  correlation_id: string | null;
}

/** The access log in its own table beside the events, in the store's database and schema. */
export class SqlAccessLog implements AccessLog {
  private constructor(private readonly db: SqlExecutor) {}

  /** Applies the access log's migrations (its own namespace in the store's migration runner), then opens it. */
  static async open(db: SqlDatabase): Promise<SqlAccessLog> {
    await runMigrations(db, ACCESS_LOG_MIGRATIONS);
    return new SqlAccessLog(db);
  }

  async record(entry: AccessLogEntry): Promise<void> {
    await this.db.query(
      'INSERT INTO access_log (at, actor_id, actor_role, trajectory_id, resource, correlation_id) VALUES ($1, $2, $3, $4, $5, $6)',
      [entry.at, entry.actor.id, entry.actor.role, entry.trajectoryId, entry.resource, entry.correlationId ?? null],
    );
  }

  async list(query: AccessLogQuery): Promise<AccessLogRecord[]> {
    const params: unknown[] = [query.after ?? 0];
    const where = ['id > $1'];
    if (query.trajectoryId !== undefined) {
      params.push(query.trajectoryId);
      where.push(`trajectory_id = $${params.length}`);
    }
    if (query.actorId !== undefined) {
      params.push(query.actorId);
      where.push(`actor_id = $${params.length}`);
    }
    if (query.from !== undefined) {
      params.push(query.from.toISOString());
      where.push(`at >= $${params.length}`);
    }
    if (query.before !== undefined) {
      params.push(query.before.toISOString());
      where.push(`at < $${params.length}`);
    }
    params.push(query.limit);
    const { rows } = await this.db.query<Row>(
      `SELECT id, at, actor_id, actor_role, trajectory_id::text AS trajectory_id, resource, correlation_id
         FROM access_log WHERE ${where.join(' AND ')} ORDER BY id LIMIT $${params.length}`,
      params,
    );
    return rows.map((r) => ({
      id: Number(r.id),
      at: new Date(r.at).toISOString(),
      actor: { id: r.actor_id, role: r.actor_role },
      trajectoryId: r.trajectory_id,
      resource: r.resource,
      ...(r.correlation_id !== null ? { correlationId: r.correlation_id } : {}),
    }));
  }
}
