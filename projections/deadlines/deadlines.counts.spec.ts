import { FixedClock } from '../../libs/domain/src';
import { catchUp } from '../core/testing/projection-harness';
import { MemoryEventStore } from '../core/testing/memory-event.store';
import { generateJourneys } from '../core/testing/random-journeys';
import { DATABASE_URL, pgliteTestDatabase, postgresTestDatabase, type TestDatabase } from '../core/testing/test-database';
import { deadlinesProjection } from './deadlines.projection';
import { queryDeadlines, type DeadlinesFilter } from './deadlines.queries';
import { DEADLINES_COUNTS_TABLE, DEADLINES_TABLE } from './deadlines.tables';

const backends: [string, () => Promise<TestDatabase>][] = [['pglite', pgliteTestDatabase]];
if (DATABASE_URL) backends.push(['postgres', () => postgresTestDatabase('deadline_counts')]);

/**
 * The per-day counts the total is summed from must equal a count of the rows, whatever the
 * projection did to them (inserts, and deletes + re-inserts as trajectories move on).
 */
describe.each(backends)('deadline counts on %s', (_kind, open) => {
  let db: TestDatabase;
  const store = new MemoryEventStore();
  const journeys = generateJourneys({ count: 40, seed: 11, today: '2026-09-30', referents: ['ref-1', 'ref-2', 'ref-3'] });

  beforeAll(async () => {
    db = await open();
  });
  afterAll(() => db.close());

  async function countsMatchRows(): Promise<void> {
    const grouped = async (sql: string) => (await db.query<{ due_on: string; kind: string; n: string }>(sql)).rows.map((r) => `${r.due_on} ${r.kind} ${Number(r.n)}`);
    const fromRows = await grouped(`SELECT due_on::text AS due_on, kind, count(*) AS n FROM ${DEADLINES_TABLE} GROUP BY 1, 2 ORDER BY 1, 2`);
    const fromCounts = await grouped(`SELECT due_on::text AS due_on, kind, n FROM ${DEADLINES_COUNTS_TABLE} ORDER BY 1, 2`);
    expect(fromCounts).toEqual(fromRows);
    expect(fromRows.length).toBeGreaterThan(0);
  }

  async function totalsMatchRows(today: string): Promise<void> {
    const clock = new FixedClock(`${today}T10:00:00Z`);
    const filters: DeadlinesFilter[] = [{}, { status: 'overdue' }, { status: 'due-soon' }, { status: 'upcoming' }, { status: 'overdue', kind: 'point' }, { kind: 'bilan' }];
    for (const filter of filters) {
      // limit 1 so that the page is never the whole answer: the total comes from the count query.
      const page = await queryDeadlines(db, clock, { ...filter, limit: 1 });
      const all = await queryDeadlines(db, clock, { ...filter, limit: 500 });
      expect({ filter, total: page.total }).toEqual({ filter, total: all.items.length });
    }
  }

  it('follows the rows as the projection inserts, deletes and re-inserts them', async () => {
    // First half of every journey, then the rest: the second pass replaces most trajectories' rows.
    for (const j of journeys) await store.append(j.streamId, j.events.slice(0, Math.ceil(j.events.length / 2)));
    await catchUp(store, db, [deadlinesProjection()], 25);
    await countsMatchRows();
    for (const j of journeys) await store.append(j.streamId, j.events.slice(Math.ceil(j.events.length / 2)));
    await catchUp(store, db, [deadlinesProjection()], 25);
    await countsMatchRows();
    await totalsMatchRows('2026-06-01');
    await totalsMatchRows('2026-10-15');
  });

  it('stays exact through an update, however unlikely from the projection', async () => {
    await db.query(`UPDATE ${DEADLINES_TABLE} SET due_on = due_on + 3, kind = CASE WHEN kind = 'point' THEN 'bilan' ELSE kind END WHERE owner_id = 'ref-1'`);
    await countsMatchRows();
  });
});
