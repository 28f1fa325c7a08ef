import type { RecordedEvent } from '../../libs/event-store/src/event-store.port';
import { upsertJsonRows } from '../core/json-rows';
import type { SqlExecutor } from '../core/sql.port';
import type { ConventionInfo } from './convention-directory';
import { isFunderId } from './feed-record';

export const FEED_CONVENTIONS_TABLE = 'feed_conventions';
const CONVENTION_STREAM_PREFIX = 'convention-';

/**
 * The feed keeps its own copy of the conventions, folded from the ConventionCreated events in $all
 * (projections/funder/convention.events.ts), rather than reading the funder projection's table: that
 * projection runs at its own pace, and a saisine read here before the funder projection has seen its
 * convention would be routed differently on a rebuild. In $all the convention always comes first.
 */
export function conventionFromEvent(event: Pick<RecordedEvent, 'streamId' | 'type' | 'data'>): ConventionInfo | undefined {
  if (event.type !== 'ConventionCreated' || !event.streamId.startsWith(CONVENTION_STREAM_PREFIX)) return undefined;
  const data = (event.data ?? {}) as { funder?: unknown; programme?: unknown; year?: unknown; funderShares?: unknown };
  if (typeof data.programme !== 'string' || typeof data.year !== 'number') return undefined;
  // The holder and every funder with a share each get the convention's records in their own feed.
  const shares = Array.isArray(data.funderShares) ? data.funderShares.map((s: { funder?: unknown }) => s?.funder) : [];
  const funderIds = [...new Set([data.funder, ...shares].filter(isFunderId))].sort();
  return { id: event.streamId.slice(CONVENTION_STREAM_PREFIX.length), programme: data.programme, year: data.year, funderIds };
}

export async function loadConventions(db: SqlExecutor): Promise<ConventionInfo[]> {
  const { rows } = await db.query<{ id: string; programme: string; year: number; funder_ids: string[] | string }>(
    `SELECT id, programme, year, funder_ids FROM ${FEED_CONVENTIONS_TABLE}`,
  );
  return rows.map((r) => ({
    id: r.id,
    programme: r.programme,
    year: Number(r.year),
    funderIds: typeof r.funder_ids === 'string' ? (JSON.parse(r.funder_ids) as string[]) : r.funder_ids,
  }));
}

export async function saveConventions(tx: SqlExecutor, conventions: readonly ConventionInfo[]): Promise<void> {
  await upsertJsonRows(
    tx,
    FEED_CONVENTIONS_TABLE,
    [
      { name: 'id', type: 'text' },
      { name: 'programme', type: 'text' },
      { name: 'year', type: 'integer' },
      { name: 'funder_ids', type: 'jsonb' },
    ],
    ['id'],
    conventions.map((c) => ({ id: c.id, programme: c.programme, year: c.year, funder_ids: c.funderIds })),
  );
}
