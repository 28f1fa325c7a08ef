import { upsertJsonRows } from '../json-rows';
import type { Projection } from '../projection.port';
import { streamStateProjection } from '../stream-state.projection';

interface CountState {
  version: number;
  count: number;
}

/** A toy projection for runner tests: events per stream; throws on an event typed 'Poison'. */
export function countingProjection(version = '1'): Projection {
  return streamStateProjection<CountState>({
    name: 'counting',
    version,
    tables: ['counting_streams'],
    migrations: [{ version: 1, name: 'counts', sql: 'CREATE TABLE counting_streams (stream_id text PRIMARY KEY, count integer NOT NULL, version integer NOT NULL)' }],
    keyOf: (e) => e.streamId,
    async load(tx, keys) {
      const { rows } = await tx.query<{ stream_id: string; count: number; version: number }>(
        'SELECT * FROM counting_streams WHERE stream_id IN (SELECT jsonb_array_elements_text($1::jsonb))',
        [JSON.stringify(keys)],
      );
      return new Map(rows.map((r) => [r.stream_id, { count: r.count, version: r.version }]));
    },
    evolve(state, event) {
      if (event.type === 'Poison') throw new Error(`poison event ${event.id}`);
      return { version: event.version, count: (state?.count ?? 0) + 1 };
    },
    async save(tx, changed) {
      await upsertJsonRows(
        tx,
        'counting_streams',
        [
          { name: 'stream_id', type: 'text' },
          { name: 'count', type: 'integer' },
          { name: 'version', type: 'integer' },
        ],
        ['stream_id'],
        changed.map((c) => ({ stream_id: c.key, count: c.after.count, version: c.after.version })),
      );
    },
  });
}
