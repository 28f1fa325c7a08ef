import { ASLL_TEST, raw, briqueStarted, contractDrafted, contractSigned, contractSigned1, diagnosticConcluded, draftContract, firstContact, given, pointRecorded, recordPoint, saisineReceived, signContract, startBrique } from '../../testing';

/** Support before the lease: 2.1 may run from the diagnostic on; 2.2 only during the measure. */
const PRE_LEASE = { ...ASLL_TEST, code: 'pre-lease', briqueStages: { '2.1': ['diagnostic', 'contract', 'briques'] as ('diagnostic' | 'contract' | 'briques')[], '2.3': ['briques'] as 'briques'[] } };
const inDiagnostic = [saisineReceived({ programme: PRE_LEASE }), firstContact('2026-01-05')];

describe('briques before the contract (briqueStages)', () => {
  it('starts and points a brique during the diagnostic when the programme runs it there', () => {
    given(...inDiagnostic).when(startBrique({ code: '2.1', occurredAt: '2026-01-10' })).thenEvents({ type: 'BriqueStarted', data: { code: '2.1', cadence: 'monthly' } }).thenStage('diagnostic');
    const then = given(...inDiagnostic, briqueStarted('2.1', '2026-01-10')).when(recordPoint({ occurredAt: '2026-01-20' })).thenEvents('PointRecorded');
    expect(then.snapshot.context.activeBriques).toMatchObject([{ code: '2.1', startedOn: '2026-01-10', lastPointOn: '2026-01-20', points: 1 }]);
  });

  it('refuses during the diagnostic a brique the programme runs during the measure only, with the rule', () => {
    given(...inDiagnostic)
      .when(startBrique({ code: '2.2' }))
      .thenRefused({ code: 'brique-not-allowed-in-stage', stage: 'diagnostic', reason: 'The programme pre-lease does not run the brique 2.2 during the diagnostic (it runs during the measure).' });
  });

  it('keeps an early brique running across the contract and into the measure', () => {
    const then = given(
      ...inDiagnostic,
      briqueStarted('2.1', '2026-01-10'),
      diagnosticConcluded('propose-accompaniment', { on: '2026-01-20' }),
      pointRecorded('2.1', '2026-01-25'),
      contractDrafted({ on: '2026-01-26' }),
      contractSigned1('household', '2026-01-28'),
    )
      .when(signContract({ party: 'referent', occurredAt: '2026-02-01' }))
      .thenStage('briques');
    expect(then.snapshot.context.activeBriques).toMatchObject([{ code: '2.1', startedOn: '2026-01-10', points: 1 }]);
  });

  it('lists start-brique in the diagnostic only under a programme that runs a brique there', () => {
    expect(given(...inDiagnostic).allowedOn('2026-01-06')).toContain('start-brique');
    expect(given(saisineReceived(), firstContact('2026-01-05')).allowedOn('2026-01-06')).not.toContain('start-brique');
  });

  it('refuses during the measure a brique the programme runs before the measure only', () => {
    const beforeOnly = { ...PRE_LEASE, briqueStages: { '2.1': ['diagnostic', 'contract'] as ('diagnostic' | 'contract')[] } };
    given(saisineReceived({ programme: beforeOnly }), firstContact('2026-01-05'), diagnosticConcluded('propose-accompaniment', { on: '2026-01-20' }), contractSigned({ on: '2026-02-01' }))
      .when(startBrique({ code: '2.1', occurredAt: '2026-02-02' }))
      .thenRefused({ code: 'brique-not-allowed-in-stage', stage: 'briques' });
  });
});

describe('the programme bounds the contract', () => {
  const inContract = (programme = ASLL_TEST) => [saisineReceived({ programme }), firstContact('2026-01-05'), diagnosticConcluded('propose-accompaniment', { on: '2026-01-20' })];

  it('refuses a contract longer than the programme’s maximum, with the rule’s reason', () => {
    given(...inContract({ ...ASLL_TEST, durationMonths: 12 }))
      .when(draftContract({ durationMonths: 18 }))
      .thenRefused({ code: 'duration-above-maximum', stage: 'contract', reason: 'The programme asll-test allows a contract of at most 12 months; this one states 18.' });
    given(...inContract({ ...ASLL_TEST, durationMonths: 12, maxDurationMonths: 18 })).when(draftContract({ durationMonths: 18 })).thenEvents({ type: 'ContractDrafted', data: { durationMonths: 18 } });
  });
});

describe('programme milestones (record-milestone)', () => {
  const SLIDING = {
    ...ASLL_TEST,
    code: 'sliding',
    milestones: [
      { code: 'bail-signe', title: 'Bail signé', anchor: 'measure-start' as const, dueAfter: { months: 3 } },
      { code: 'bail-glisse', title: 'Bail glissé au ménage', anchor: { milestone: 'bail-signe' }, dueAfter: { months: 12 } },
    ],
  };
  it('records a milestone of the programme once, at any open stage', () => {
    const then = given(saisineReceived({ programme: SLIDING }), firstContact('2026-01-05'))
      .when(raw('record-milestone', { code: 'bail-signe' }, '2026-01-10'))
      .thenEvents({ type: 'MilestoneRecorded', data: { code: 'bail-signe' } })
      .thenStage('diagnostic');
    expect(then.snapshot.context.milestones).toEqual({ 'bail-signe': '2026-01-10' });
    given(saisineReceived({ programme: SLIDING }), firstContact('2026-01-05'), { type: 'MilestoneRecorded', data: { code: 'bail-signe' }, occurredAt: '2026-01-10' })
      .when(raw('record-milestone', { code: 'bail-signe' }, '2026-01-11'))
      .thenRefused({ code: 'milestone-already-recorded', reason: 'The milestone bail-signe was already recorded on 2026-01-10.' });
  });
  it('refuses a code the programme does not name, and is not offered under a programme without milestones', () => {
    given(saisineReceived({ programme: SLIDING }))
      .when(raw('record-milestone', { code: 'bail-glise' }))
      .thenRefused({ code: 'unknown-milestone', reason: 'The programme sliding has no milestone bail-glise (its milestones: bail-signe, bail-glisse).' });
    expect(given(saisineReceived({ programme: SLIDING })).allowedOn('2026-01-03')).toContain('record-milestone');
    expect(given(saisineReceived()).allowedOn('2026-01-03')).not.toContain('record-milestone');
  });
});
