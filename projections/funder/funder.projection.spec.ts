import { FixedClock } from '../../libs/domain/src';
import { catchUp, dumpTable } from '../core/testing/projection-harness';
import { MemoryEventStore } from '../core/testing/memory-event.store';
import { DATABASE_URL, pgliteTestDatabase, postgresTestDatabase, type TestDatabase } from '../core/testing/test-database';
import { createConvention } from './convention.commands';
import { funderProjection } from './funder.projection';
import { conventionConsumption, conventionDashboard, conventionReport, ConventionNotFound, listConventions } from './funder.queries';
import { CONVENTION, scenario } from './testing/funder-fixtures';

const backends: [string, () => Promise<TestDatabase>][] = [['pglite', pgliteTestDatabase]];
if (DATABASE_URL) backends.push(['postgres', () => postgresTestDatabase('funder')]);

describe.each(backends)('funder read model on %s', (_kind, open) => {
  let db: TestDatabase;
  const store = new MemoryEventStore();
  const clock = new FixedClock('2026-06-15T10:00:00Z');
  const { t1, t2, t3, t4, t5 } = scenario();
  const admin = { id: 'admin-1', role: 'admin' };
  const { id: _id, createdOn: _createdOn, copiedFromProgramme: _copied, ...terms } = CONVENTION;

  beforeAll(async () => {
    db = await open();
    await createConvention(store, terms, { actor: admin, clock, id: CONVENTION.id });
    for (const j of [t1, t2, t3, t4, t5]) await store.append(j.streamId, j.events);
    await catchUp(store, db, [funderProjection()], 4);
  });
  afterAll(() => db.close());

  it('builds the conventions table from ConventionCreated events', async () => {
    expect(await listConventions(db)).toEqual([{ ...CONVENTION, createdOn: '2026-06-15' }]);
    expect(await listConventions(db, { year: 2025 })).toEqual([]);
  });

  it('records ConventionCreated v2 (cents, with its code) and still reads v1 (EUR, no code) through its upcaster', async () => {
    const recorded = (await store.readAll()).find((e) => e.streamId === `convention-${CONVENTION.id}`);
    expect(recorded).toMatchObject({ type: 'ConventionCreated', schemaVersion: 2 });
    expect(recorded?.data).toMatchObject({ code: 'departement-x-2026', prices: CONVENTION.prices, yearlyCapCents: 4000000 });
    // A v1 event with cents-precision euros reads back to the exact cent, its code defaulted to <funder>-<year>.
    await store.append('convention-conv-cents', [
      { id: 'e-cents', type: 'ConventionCreated', schemaVersion: 1, data: { funder: 'caf-x', programme: 'other', year: 2027, prices: { perMonth: 190.07 }, yearlyCap: 1234.56, funderShares: [{ funder: 'caf-x', share: 1 }] }, metadata: { occurredAt: '2026-06-15' } },
    ]);
    await catchUp(store, db, [funderProjection()]);
    expect(await listConventions(db, { year: 2027 })).toMatchObject([{ id: 'conv-cents', code: 'caf-x-2027', prices: { perMonthCents: 19007 }, yearlyCapCents: 123456 }]);
  });

  it('prices what the convention pays for, with the same figures as the hand-computed scenario', async () => {
    const c = await conventionConsumption(db, clock, CONVENTION.id, 2026);
    expect(c.lines.map((l) => [l.kind, l.scale, l.quantity])).toEqual([
      ['diagnostic', null, 3],
      ['month-measure', null, 9],
      ['measure', 'standard', 1],
      ['measure', 'renforce', 0],
      ['dwelling-year', null, 2],
    ]);
    expect(c.totalCents).toBe(266000);
    const dashboard = await conventionDashboard(db, clock, CONVENTION.id, '2026-03');
    expect(dashboard).toMatchObject({ saisinesReceived: 1, monthMeasures: 2, amountThisMonthCents: 53000 });
    const report = await conventionReport(db, clock, CONVENTION.id);
    expect(report).toMatchObject({ year: 2026, households: { received: '<5' } });
    await expect(conventionConsumption(db, clock, 'nope')).rejects.toBeInstanceOf(ConventionNotFound);
  });

  it('keeps a trajectory that named no convention in its programme’s first convention when a second one is created', async () => {
    const before = await conventionConsumption(db, clock, CONVENTION.id, 2026);
    await createConvention(store, { ...terms, code: 'second', funder: 'caf-x', funderShares: undefined }, { actor: admin, clock, id: 'conv-second' });
    await catchUp(store, db, [funderProjection()]);
    const after = await conventionConsumption(db, clock, CONVENTION.id, 2026);
    const second = await conventionConsumption(db, clock, 'conv-second', 2026);
    expect(after.lines).toEqual(before.lines); // t4 (no convention named) stays where it was counted
    expect(second.totalCents).toBe(0);
  });

  it('holds no name, no free text and nothing of data.personal', async () => {
    const dump = [...(await dumpTable(db, 'funder_trajectories', 'trajectory_id')), ...(await dumpTable(db, 'funder_conventions', 'id'))].join('\n');
    for (const secret of ['Dupont', 'Amélie', '0600000000', 'free text', 'Habitat Test', 'CCAS Test', 'find a flat', 'talked about rent', 'private', 'personal']) {
      expect(dump).not.toContain(secret);
    }
    expect(dump).toContain('single-parent');
  });
});
