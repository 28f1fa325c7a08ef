/**
 * What was read: the trajectory as it is now, its whole history (every event, personal data
 * included), or the trajectory as part of its household's export (right of access, docs/privacy.md).
 */
export type AccessedResource = 'trajectory' | 'history' | 'household-export';

export interface AccessLogEntry {
  /** Server clock, ISO 8601. */
  at: string;
  actor: { id: string; role: string };
  trajectoryId: string;
  resource: AccessedResource;
  /** The request id (X-Request-Id), to match an entry with the server's logs. */
  correlationId?: string;
}

export interface AccessLogRecord extends AccessLogEntry {
  /** Increasing: the cursor of the next page. */
  id: number;
}

export interface AccessLogQuery {
  trajectoryId?: string;
  actorId?: string;
  /** Only entries at or after this instant. */
  from?: Date;
  /** Only entries before this instant. */
  before?: Date;
  /** Only entries after this id. */
  after?: number;
  limit: number;
}

/**
 * Who read which trajectory's personal data, and when (CNIL: traceability of access to social
 * files). Append-only from the API's side: nothing here updates or deletes an entry.
 */
export interface AccessLog {
  record(entry: AccessLogEntry): Promise<void>;
  list(query: AccessLogQuery): Promise<AccessLogRecord[]>;
}
