import { randomUUID } from 'node:crypto';
import { DEFAULT_TERMS, TrajectoryJourney } from '../core/trajectory-events.builder';
import { catchUp, dumpTable } from '../core/testing/projection-harness';
import { MemoryEventStore } from '../core/testing/memory-event.store';
import { DATABASE_URL, pgliteTestDatabase, postgresTestDatabase, type TestDatabase } from '../core/testing/test-database';
import { retentionProjection } from './retention.projection';
import { retentionCandidates } from './retention.queries';
import { RETENTION_TRAJECTORIES_TABLE } from './retention.tables';

const backends: [string, () => Promise<TestDatabase>][] = [['pglite', pgliteTestDatabase]];
if (DATABASE_URL) backends.push(['postgres', () => postgresTestDatabase('retention')]);

describe.each(backends)('retention read model on %s', (_kind, open) => {
  let db: TestDatabase;
  const store = new MemoryEventStore();
  const closedTwice = randomUUID();
  const stillOpen = randomUUID();
  const erased = randomUUID();
  const autonomous = randomUUID();

  beforeAll(async () => {
    db = await open();
    const journeys = [
      new TrajectoryJourney({ householdId: closedTwice }).saisine('2023-01-05').assign('2023-01-05', 'r').firstContact('2023-01-10').withdraw('2023-02-01', 'diagnostic'),
      new TrajectoryJourney({ householdId: closedTwice, terms: { ...DEFAULT_TERMS, code: 'gla-x' } })
        .saisine('2024-03-01')
        .assign('2024-03-01', 'r')
        .firstContact('2024-03-04')
        .conclude('2024-03-20', 'autonomous'),
      new TrajectoryJourney({ householdId: stillOpen }).saisine('2022-01-05').assign('2022-01-05', 'r'),
      new TrajectoryJourney({ householdId: erased }).saisine('2022-01-05').withdraw('2022-02-01', 'saisine'),
      new TrajectoryJourney({ householdId: autonomous }).saisine('2024-05-01').firstContact('2024-05-02').conclude('2024-05-09', 'autonomous'),
    ];
    for (const j of journeys) await store.append(j.streamId, j.events);
    await store.append(`household-${erased}`, [
      { id: randomUUID(), type: 'HouseholdErased', data: { householdId: erased, reason: 'household-request', erasedOn: '2025-01-02', trajectoryIds: [], keyDestroyed: true }, metadata: { occurredAt: '2025-01-02' } },
    ]);
    await catchUp(store, db, [retentionProjection()], 3);
  });
  afterAll(() => db.close());

  it('lists households whose trajectories are all closed, with the last contact and their programmes, not erased ones', async () => {
    expect(await retentionCandidates(db)).toEqual(
      [
        { householdId: closedTwice, lastContactOn: '2024-03-20', programmes: ['asll-test', 'gla-x'], trajectories: 2 },
        { householdId: autonomous, lastContactOn: '2024-05-09', programmes: ['asll-test'], trajectories: 1 },
      ].sort((a, b) => (a.householdId < b.householdId ? -1 : 1)),
    );
  });

  it('holds ids, codes and dates only, and rebuilds to the same rows', async () => {
    const rows = await dumpTable(db, RETENTION_TRAJECTORIES_TABLE, 'trajectory_id');
    expect(rows.join('\n')).not.toMatch(/Dupont|Amélie|0600000000|free text/);
    const again = await open();
    try {
      await catchUp(store, again, [retentionProjection()], 1000);
      expect(await dumpTable(again, RETENTION_TRAJECTORIES_TABLE, 'trajectory_id')).toEqual(rows);
    } finally {
      await again.close();
    }
  });
});
