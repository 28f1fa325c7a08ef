import type { AccessLog, AccessLogEntry, AccessLogQuery, AccessLogRecord } from './access-log.repository';

/**
 * For a store that lives in memory (specs, the in-memory e2e store): the log lives and dies with it.
 * Any store with a SQL database gets the SqlAccessLog instead.
 */
export class InMemoryAccessLog implements AccessLog {
  private readonly entries: AccessLogRecord[] = [];

  async record(entry: AccessLogEntry): Promise<void> {
    this.entries.push({ ...structuredClone(entry), id: this.entries.length + 1 });
  }

  async list(query: AccessLogQuery): Promise<AccessLogRecord[]> {
    return this.entries
      .filter((e) => e.id > (query.after ?? 0))
      .filter((e) => query.trajectoryId === undefined || e.trajectoryId === query.trajectoryId)
      .filter((e) => query.actorId === undefined || e.actor.id === query.actorId)
      .filter((e) => query.from === undefined || Date.parse(e.at) >= query.from.getTime())
      .filter((e) => query.before === undefined || Date.parse(e.at) < query.before.getTime())
      .slice(0, query.limit)
      .map((e) => structuredClone(e));
  }
}
