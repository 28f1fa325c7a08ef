import { FixedClock } from '../../libs/domain/src';
import { TrajectoryJourney } from '../core/trajectory-events.builder';
import { catchUp } from '../core/testing/projection-harness';
import { MemoryEventStore } from '../core/testing/memory-event.store';
import { DATABASE_URL, pgliteTestDatabase, postgresTestDatabase, type TestDatabase } from '../core/testing/test-database';
import { deadlinesProjection } from '../deadlines/deadlines.projection';
import { queryDeadlines } from '../deadlines/deadlines.queries';
import { caseloadProjection } from './caseload.projection';
import { queryCaseload } from './caseload.queries';

const backends: [string, () => Promise<TestDatabase>][] = [['pglite', pgliteTestDatabase]];
if (DATABASE_URL) backends.push(['postgres', () => postgresTestDatabase('caseload')]);

describe.each(backends)('caseload and deadlines read models on %s', (_kind, open) => {
  let db: TestDatabase;
  const store = new MemoryEventStore();
  // 10 March 2026, 23:30 UTC is already 11 March in Paris: statuses follow the Paris date.
  const clock = new FixedClock('2026-03-10T23:30:00Z');

  const a = new TrajectoryJourney({ prescriber: { kind: 'landlord', name: 'Habitat Sud' } })
    .saisine('2026-01-05')
    .assign('2026-01-05', 'ref-1')
    .firstContact('2026-01-12')
    .conclude('2026-01-30')
    .draft('2026-02-01')
    .sign('2026-02-02', 'household')
    .measureStarted('2026-02-02', '2026-08-02', { conventionId: 'conv-1' })
    .brique('2026-02-02', '2.1');
  const b = new TrajectoryJourney({ prescriber: { kind: 'ccas', name: 'CCAS Nord' } }).saisine('2026-02-20').assign('2026-02-20', 'ref-2');
  const c = new TrajectoryJourney().saisine('2026-03-01');
  const closed = new TrajectoryJourney().saisine('2026-01-02').assign('2026-01-02', 'ref-1').firstContact('2026-01-03').conclude('2026-01-20', 'autonomous');
  const suspended = new TrajectoryJourney()
    .saisine('2026-01-02')
    .assign('2026-01-02', 'ref-1')
    .firstContact('2026-01-03')
    .conclude('2026-01-10')
    .measureStarted('2026-01-15', '2026-07-15')
    .brique('2026-01-15', '2.1')
    .suspend('2026-02-01');

  beforeAll(async () => {
    db = await open();
    for (const j of [a, b, c, closed, suspended]) await store.append(j.streamId, j.events);
    await catchUp(store, db, [caseloadProjection(), deadlinesProjection()], 7);
  });
  afterAll(() => db.close());

  it('lists open trajectories by next due date with their stage, referent and since when', async () => {
    const page = await queryCaseload(db, clock);
    expect(page.today).toBe('2026-03-11');
    expect(page.total).toBe(4);
    expect(page.items.map((i) => i.trajectoryId)).toEqual([a.id, b.id, c.id, suspended.id]);
    expect(page.items[0]).toMatchObject({
      stage: 'briques',
      stageSince: '2026-02-02',
      referentId: 'ref-1',
      programme: 'asll-test',
      conventionId: 'conv-1',
      prescriber: { kind: 'landlord', name: 'Habitat Sud' },
      nextDeadline: { kind: 'point', dueOn: '2026-03-02', status: 'overdue', briqueCode: '2.1' },
    });
    expect(page.items[1].nextDeadline).toEqual({ kind: 'first-contact', dueOn: '2026-03-07', status: 'overdue', briqueCode: null });
    expect(page.items[2].nextDeadline).toEqual({ kind: 'first-contact', dueOn: '2026-03-16', status: 'due-soon', briqueCode: null });
    expect(page.items[3]).toMatchObject({ suspended: true, nextDeadline: { kind: 'measure-end', dueOn: '2026-07-15', status: 'upcoming' } });
    expect(page.counts.byStage).toEqual({ briques: 2, saisine: 2 });
    expect(page.counts.byReferent).toEqual([
      { referentId: 'ref-1', count: 2 },
      { referentId: 'ref-2', count: 1 },
      { referentId: null, count: 1 },
    ]);
  });

  it('filters by referent, stage, programme, convention and prescriber, and pages', async () => {
    expect((await queryCaseload(db, clock, { referent: 'ref-1' })).items.map((i) => i.trajectoryId)).toEqual([a.id, suspended.id]);
    const saisine = await queryCaseload(db, clock, { stage: 'saisine' });
    expect(saisine.items.map((i) => i.trajectoryId)).toEqual([b.id, c.id]);
    expect(saisine.counts.byStage).toEqual({ briques: 2, saisine: 2 });
    expect((await queryCaseload(db, clock, { convention: 'conv-1' })).total).toBe(1);
    expect((await queryCaseload(db, clock, { prescriber: 'CCAS Nord' })).items.map((i) => i.trajectoryId)).toEqual([b.id]);
    expect((await queryCaseload(db, clock, { programme: 'other' })).total).toBe(0);
    const closedOnes = await queryCaseload(db, clock, { stage: 'closed' });
    expect(closedOnes.items.map((i) => [i.trajectoryId, i.nextDeadline])).toEqual([[closed.id, null]]);
    const page2 = await queryCaseload(db, clock, { limit: 3, offset: 3 });
    expect(page2).toMatchObject({ total: 4, limit: 3, offset: 3 });
    expect(page2.items.map((i) => i.trajectoryId)).toEqual([suspended.id]);
  });

  it('lists deadlines sorted by due date with status decided against the Paris date', async () => {
    const all = await queryDeadlines(db, clock);
    expect(all.items.map((d) => [d.kind, d.dueOn, d.status, d.ownerId])).toEqual([
      ['point', '2026-03-02', 'overdue', 'ref-1'],
      ['first-contact', '2026-03-07', 'overdue', 'ref-2'],
      ['first-contact', '2026-03-16', 'due-soon', null],
      ['bilan', '2026-05-02', 'upcoming', 'ref-1'],
      ['measure-end', '2026-07-15', 'upcoming', 'ref-1'],
      ['measure-end', '2026-08-02', 'upcoming', 'ref-1'],
    ]);
    const overdue = await queryDeadlines(db, clock, { status: 'overdue', referent: 'ref-1' });
    expect(overdue.items.map((d) => [d.trajectoryId, d.kind, d.briqueCode])).toEqual([[a.id, 'point', '2.1']]);
    expect((await queryDeadlines(db, clock, { kind: 'first-contact', status: 'due-soon' })).items.map((d) => d.trajectoryId)).toEqual([c.id]);
    expect((await queryDeadlines(db, clock, { status: 'upcoming', limit: 2, offset: 1 })).total).toBe(3);
    clock.set('2026-03-17T12:00:00Z');
    expect((await queryDeadlines(db, clock, { status: 'overdue' })).items.map((d) => d.dueOn)).toEqual(['2026-03-02', '2026-03-07', '2026-03-16']);
    clock.set('2026-03-10T23:30:00Z');
  });

  it('moves deadlines as new events arrive', async () => {
    const more = new TrajectoryJourney({ id: a.id });
    more.point('2026-03-05', '2.1').bilan('2026-03-06');
    await store.append(a.streamId, more.events);
    await catchUp(store, db, [caseloadProjection(), deadlinesProjection()]);
    const ofA = await queryDeadlines(db, clock, { trajectory: a.id });
    expect(ofA.items.map((d) => [d.kind, d.dueOn])).toEqual([
      ['point', '2026-04-05'],
      ['bilan', '2026-06-06'],
      ['measure-end', '2026-08-02'],
    ]);
    const resumed = new TrajectoryJourney({ id: suspended.id }).resume('2026-03-09', '2026-02-01', 36).close('2026-03-10');
    await store.append(suspended.streamId, resumed.events);
    await catchUp(store, db, [caseloadProjection(), deadlinesProjection()]);
    expect((await queryDeadlines(db, clock, { trajectory: suspended.id })).items).toEqual([]);
    expect((await queryCaseload(db, clock, { stage: 'closed' })).total).toBe(2);
  });

  it('keeps the per-(stage, referent) counts equal to a count of the rows', async () => {
    const kept = await db.query<{ stage: string; referent_id: string; n: number }>('SELECT stage, referent_id, n FROM caseload_counts ORDER BY 1, 2');
    const counted = await db.query<{ stage: string; referent_id: string; n: number }>(
      `SELECT stage, coalesce(referent_id, '') AS referent_id, count(*)::int AS n FROM caseload_trajectories GROUP BY 1, 2 ORDER BY 1, 2`,
    );
    expect(kept.rows).toEqual(counted.rows);
    expect(kept.rows.length).toBeGreaterThan(2);
  });
});
