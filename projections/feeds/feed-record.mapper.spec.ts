import { randomBytes } from 'node:crypto';
import { ListConventionDirectory } from './convention-directory';
import type { FeedRecordDraft } from './feed-record';
import { mapFeedEvent, type FeedSourceEvent, type MappingContext, type TrajectoryFeedState } from './feed-record.mapper';
import { personalDataFor, TrajectoryJourney } from './testing/trajectory-journey';
import { TrajectoryPseudonymiser } from './trajectory-pseudonymiser';

const directory = new ListConventionDirectory([
  { id: 'conv-asll-2026', programme: 'asll-test', year: 2026, funderIds: ['departement-x', 'caf-x'] },
  { id: 'conv-avdl-a', programme: 'avdl-shared', year: 2026, funderIds: ['etat-ddets'] },
  { id: 'conv-avdl-b', programme: 'avdl-shared', year: 2026, funderIds: ['action-logement'] },
]);
const ctx: MappingContext = { directory, pseudonymiser: new TrajectoryPseudonymiser(randomBytes(32)) };

function mapAll(events: readonly FeedSourceEvent[], context = ctx): { records: FeedRecordDraft[]; state: TrajectoryFeedState | undefined } {
  let state: TrajectoryFeedState | undefined;
  const records: FeedRecordDraft[] = [];
  for (const event of events) {
    const result = mapFeedEvent(state, event, context);
    state = result.state;
    records.push(...result.records);
  }
  return { records, state };
}

const forFunder = (records: FeedRecordDraft[], funderId: string) => records.filter((r) => r.funderId === funderId);
const kinds = (records: FeedRecordDraft[]) => records.map((r) => (r.details.month ? `${r.kind} ${r.details.month}` : r.kind));

describe('feed mapping: event -> feed records', () => {
  it('writes a whole accompaniment as the funder sees it, month-measures included', () => {
    const journey = TrajectoryJourney.full('conv-asll-2026');
    const { records } = mapAll(journey.events);
    expect(kinds(forFunder(records, 'departement-x'))).toEqual([
      'saisine-received',
      'diagnostic-concluded',
      'measure-started',
      'month-measure-counted 2026-02',
      'month-measure-counted 2026-03',
      'month-measure-counted 2026-04',
      'month-measure-counted 2026-05',
      'bilan-recorded',
      'measure-suspended',
      'measure-resumed',
      'month-measure-counted 2026-07',
      'month-measure-counted 2026-08',
      'measure-ended',
      'trajectory-closed',
    ]);
  });

  it('carries the categorical facts each kind needs', () => {
    const { records } = mapAll(TrajectoryJourney.full('conv-asll-2026').events);
    const mine = forFunder(records, 'caf-x');
    const byKind = (kind: string) => mine.find((r) => r.kind === kind);
    expect(byKind('saisine-received')).toMatchObject({
      conventionId: 'conv-asll-2026',
      businessDate: '2026-01-05',
      profile: { composition: 'single-parent', childrenBand: '1-2', ageBand: '35-44', resourcesType: 'rsa' },
    });
    expect(byKind('diagnostic-concluded')?.details).toEqual({ outcome: 'propose-accompaniment' });
    expect(byKind('measure-started')).toMatchObject({
      businessDate: '2026-02-10',
      details: { measureType: 'AVDL', briqueCodes: ['2.1', '2.5'], occupancyStatus: 'sliding-lease' },
    });
    expect(byKind('measure-ended')).toMatchObject({ businessDate: '2026-08-25', details: { endReason: 'housed' } });
    expect(byKind('measure-ended')?.details.gridProgress).toEqual([
      { axis: 'pouvoir-louer', atDiagnostic: 0.5, atFinalEvaluation: 1 },
      { axis: 'savoir-louer', atDiagnostic: 0, atFinalEvaluation: 0 },
      { axis: 'savoir-habiter', atDiagnostic: 0, atFinalEvaluation: 1 },
      { axis: 'savoir-s-adapter', atDiagnostic: null, atFinalEvaluation: 1 },
      { axis: 'besoin-accompagnement', atDiagnostic: null, atFinalEvaluation: null },
    ]);
    expect(byKind('trajectory-closed')?.details).toEqual({ closingReason: 'closed', endReason: 'housed' });
  });

  it('gives each funder of a convention its own records, pseudonyms and record ids', () => {
    const journey = TrajectoryJourney.full('conv-asll-2026');
    const { records } = mapAll(journey.events);
    const dep = forFunder(records, 'departement-x');
    const caf = forFunder(records, 'caf-x');
    expect(dep).toHaveLength(caf.length);
    expect(new Set(dep.map((r) => r.trajectoryPseudonym)).size).toBe(1);
    expect(new Set(caf.map((r) => r.trajectoryPseudonym)).size).toBe(1);
    expect(dep[0].trajectoryPseudonym).not.toBe(caf[0].trajectoryPseudonym);
    const ids = records.map((r) => r.recordId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('gives the same records the same ids when the feed is rebuilt', () => {
    const events = TrajectoryJourney.full('conv-asll-2026').events;
    expect(mapAll(events).records).toEqual(mapAll(events).records);
  });

  it('ignores an event it has already applied', () => {
    const journey = TrajectoryJourney.full('conv-asll-2026');
    let state: TrajectoryFeedState | undefined;
    for (const event of journey.events.slice(0, 6)) state = mapFeedEvent(state, event, ctx).state;
    const again = mapFeedEvent(state, journey.events[3], ctx);
    expect(again.records).toEqual([]);
    expect(again.state).toBe(state);
  });

  it('holds records while the convention is ambiguous and sends them with the contract', () => {
    const journey = new TrajectoryJourney()
      .saisine('2026-03-01', { programme: 'avdl-shared' })
      .diagnostic('2026-03-05', '2026-03-20');
    const before = mapAll(journey.events);
    expect(before.records).toEqual([]);
    expect(before.state?.pending.map((e) => e.kind)).toEqual(['saisine-received', 'diagnostic-concluded']);

    journey.contract('2026-03-25', 'conv-avdl-b').measureStarted('2026-04-02', 'conv-avdl-b');
    const after = mapAll(journey.events);
    expect(after.records.every((r) => r.funderId === 'action-logement' && r.conventionId === 'conv-avdl-b')).toBe(true);
    expect(after.records.map((r) => [r.kind, r.businessDate])).toEqual([
      ['saisine-received', '2026-03-01'],
      ['diagnostic-concluded', '2026-03-20'],
      ['measure-started', '2026-04-02'],
      ['month-measure-counted', '2026-04-02'],
    ]);
    expect(after.state?.pending).toEqual([]);
  });

  it('uses the convention the saisine names', () => {
    const journey = new TrajectoryJourney().saisine('2026-03-01', { programme: 'avdl-shared', conventionId: 'conv-avdl-a' });
    expect(mapAll(journey.events).records.map((r) => r.funderId)).toEqual(['etat-ddets']);
  });

  it('waits for a convention the directory does not know yet', () => {
    const journey = new TrajectoryJourney().saisine('2026-03-01', { conventionId: 'conv-unknown' });
    const { records, state } = mapAll(journey.events);
    expect(records).toEqual([]);
    expect(state?.pending).toHaveLength(1);
  });

  it('keeps a measure renewed at its final evaluation going instead of ending it', () => {
    const journey = new TrajectoryJourney()
      .saisine('2026-01-05')
      .diagnostic('2026-01-06', '2026-01-10')
      .contract('2026-01-11', 'conv-asll-2026')
      .measureStarted('2026-01-15', 'conv-asll-2026')
      .add('EvaluationStarted', '2026-07-10')
      .finalEvaluation('2026-07-12', 'maintained')
      .add('MeasureRenewed', '2026-09-01', { renewalNumber: 1, months: 6 })
      .point('2026-10-04')
      .add('EvaluationStarted', '2026-12-20')
      .finalEvaluation('2026-12-22', 'maintained')
      .add('VeilleStarted', '2026-12-23');
    const mine = forFunder(mapAll(journey.events).records, 'caf-x');
    expect(kinds(mine).filter((k) => !k.startsWith('month'))).toEqual([
      'saisine-received',
      'diagnostic-concluded',
      'measure-started',
      'measure-renewed',
      'measure-ended',
    ]);
    expect(mine.find((r) => r.kind === 'measure-renewed')?.details).toEqual({ renewalMonths: 6 });
    expect(mine.filter((r) => r.kind === 'month-measure-counted').map((r) => r.details.month)).toEqual([
      '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-09', '2026-10', '2026-11', '2026-12',
    ]);
    expect(mine.find((r) => r.kind === 'measure-ended')).toMatchObject({ businessDate: '2026-12-23', details: { endReason: 'maintained' } });
  });

  it('ends the measure of a household that withdraws during the briques', () => {
    const journey = new TrajectoryJourney()
      .saisine('2026-01-05')
      .diagnostic('2026-01-06', '2026-01-10')
      .contract('2026-01-11', 'conv-asll-2026')
      .measureStarted('2026-01-15', 'conv-asll-2026')
      .add('TrajectoryWithdrawn', '2026-03-01', { fromStage: 'briques', orientation: { kind: 'ccas', partnerName: 'CCAS' } });
    const mine = forFunder(mapAll(journey.events).records, 'caf-x');
    expect(kinds(mine).slice(-4)).toEqual(['month-measure-counted 2026-01', 'month-measure-counted 2026-02', 'measure-ended', 'trajectory-closed']);
    expect(mine.find((r) => r.kind === 'measure-ended')?.details.endReason).toBe('withdrawn');
    expect(mine.at(-1)?.details).toEqual({ closingReason: 'withdrawn' });
  });

  it('closes a trajectory whose diagnostic finds the household autonomous', () => {
    const journey = new TrajectoryJourney().saisine('2026-01-05').diagnostic('2026-01-06', '2026-01-10', 'autonomous');
    expect(kinds(forFunder(mapAll(journey.events).records, 'caf-x'))).toEqual(['saisine-received', 'diagnostic-concluded', 'trajectory-closed']);
  });

  it('confirms a relais and closes', () => {
    const journey = new TrajectoryJourney()
      .saisine('2026-01-05')
      .diagnostic('2026-01-06', '2026-01-10', 'orient-existing')
      .add('RelaisConfirmed', '2026-02-01', { partner: { kind: 'savs', partnerName: 'SAVS Lyon' }, personal: { comment: 'x' } });
    const mine = forFunder(mapAll(journey.events).records, 'caf-x');
    expect(kinds(mine).slice(-2)).toEqual(['relais-confirmed', 'trajectory-closed']);
    expect(mine.at(-2)?.details).toEqual({ partnerKind: 'savs' });
  });

  it('publishes codes only: free text put in a categorical field is dropped', () => {
    const journey = new TrajectoryJourney().saisine('2026-01-05');
    (journey.events[0].data as { household: Record<string, unknown> }).household.composition = 'Mme Vandermeulen, 3 rue X';
    const [record] = mapAll(journey.events).records;
    expect(record.profile.composition).toBeNull();
  });

  it('never lets personal data, the household id or the trajectory id into a record', () => {
    const journeys = Array.from({ length: 20 }, (_, i) => TrajectoryJourney.full('conv-asll-2026', personalDataFor(i)));
    const records = journeys.flatMap((j) => mapAll(j.events).records);
    expect(records.length).toBeGreaterThan(200);
    const published = JSON.stringify(records.map(({ sourceEventId: _omit, ...r }) => r));
    for (const j of journeys) {
      for (const value of [...Object.values(j.personal), j.trajectoryId, j.householdId, ...j.events.map((e) => e.id)]) {
        expect(published).not.toContain(value);
      }
      expect(published).not.toContain(j.trajectoryId.replace(/-/g, ''));
    }
    expect(published).not.toMatch(/Vandermeulen|Aurelianne|Glycines|Marjolaine|Bailleur|hospital/);
  });

  it('ignores streams that are not trajectories, and trajectories seen without their saisine', () => {
    const event: FeedSourceEvent = {
      id: 'e1',
      streamId: 'convention-1',
      version: 1,
      type: 'SaisineReceived',
      data: {},
      metadata: { occurredAt: '2026-01-01', recordedAt: '2026-01-01T00:00:00Z' },
    };
    expect(mapFeedEvent(undefined, event, ctx)).toEqual({ state: undefined, records: [] });
    const orphan = { ...event, streamId: 'trajectory-5a1f0ad2-70b1-4c55-9a77-b1b2b9b4b0a1', type: 'PointRecorded' };
    expect(mapFeedEvent(undefined, orphan, ctx).records).toEqual([]);
  });
});
