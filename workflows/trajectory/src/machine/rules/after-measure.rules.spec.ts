import {
  close,
  confirmRelais,
  contractSigned,
  diagnosticConcluded,
  endVeille,
  evaluationStarted,
  finalEvaluation,
  firstContact,
  given,
  handedOff,
  recordVeilleVisit,
  reopen,
  saisineReceived,
  veilleStarted,
  veilleVisit,
} from '../../testing';

const evaluated = [
  saisineReceived(),
  firstContact('2026-01-05'),
  diagnosticConcluded('propose-accompaniment', { on: '2026-01-20' }),
  contractSigned({ on: '2026-02-01', months: 6 }),
  evaluationStarted('2026-07-15'),
  finalEvaluation({ on: '2026-07-20' }),
];

describe('relais', () => {
  it('confirm-relais closes the trajectory', () => {
    const then = given(...evaluated, handedOff('2026-07-25'))
      .when(confirmRelais({ occurredAt: '2026-08-10' }))
      .thenEvents({ type: 'RelaisConfirmed', data: { partner: { kind: 'ccas', partnerName: 'CCAS de Villeurbanne' } } })
      .thenStage('closed');
    expect(then.snapshot.context.relais?.confirmedOn).toBe('2026-08-10');
    expect(then.snapshot.context.closing?.kind).toBe('relais-confirmed');
  });

  it('a relais stays open until the partner confirms', () => {
    given(...evaluated, handedOff('2026-07-25')).when(close({ endReason: 'housed' })).thenRefused({ code: 'relais-pending', stage: 'relais' });
  });

  it('confirm-relais only exists in relais', () => {
    given(...evaluated).when(confirmRelais()).thenRefused({ code: 'command-not-allowed', stage: 'evaluation' });
  });

  it('a diagnostic orienting to an existing measure waits for the confirmation too', () => {
    given(saisineReceived(), firstContact('2026-01-05'), diagnosticConcluded('orient-existing'))
      .when(confirmRelais())
      .thenEvents('RelaisConfirmed')
      .thenStage('closed');
  });
});

describe('veille', () => {
  const watching = [...evaluated, veilleStarted('2026-07-25')];

  it('records the yearly visit', () => {
    const then = given(...watching).when(recordVeilleVisit({ occurredAt: '2027-06-01' })).thenEvents('VeilleVisitRecorded').thenStage('veille');
    expect(then.snapshot.context.veille).toEqual({ startedOn: '2026-07-25', lastVisitOn: '2027-06-01', visits: 1 });
  });

  it('a veille visit only exists in veille', () => {
    given(...evaluated).when(recordVeilleVisit()).thenRefused({ code: 'command-not-allowed', stage: 'evaluation' });
  });

  it('reopen starts a new diagnostic in the same trajectory', () => {
    const then = given(...watching, veilleVisit('2027-01-10'))
      .when(reopen({ occurredAt: '2027-02-01' }))
      .thenEvents({ type: 'TrajectoryReopened', data: { cycle: 2 } })
      .thenStage('diagnostic');
    const c = then.snapshot.context;
    expect(c).toMatchObject({ cycle: 2, openedOn: '2026-01-02', referentId: 'referent-1', diagnostic: { startedOn: '2027-02-01', steps: {} } });
    expect(c.contract).toBeUndefined();
    expect(c.measure).toBeUndefined();
    expect(c.veille).toBeUndefined();
  });

  it('reopen only exists in veille', () => {
    given(...evaluated).when(reopen()).thenRefused({ code: 'command-not-allowed', stage: 'evaluation' });
  });

  it('end-veille closes, by default for the final evaluation’s end reason (as close does)', () => {
    given(...watching).when(endVeille({ occurredAt: '2027-06-30' })).thenEvents({ type: 'VeilleEnded', data: { endReason: 'housed' } }).thenStage('closed');
  });

  it('end-veille and close take the same default end reason: the final evaluation’s', () => {
    const maintained = [...evaluated.slice(0, -1), finalEvaluation({ on: '2026-07-20', endReason: 'maintained' })];
    given(...maintained, veilleStarted('2026-07-25')).when(endVeille({ occurredAt: '2027-06-30' })).thenEvents({ type: 'VeilleEnded', data: { endReason: 'maintained' } });
    given(...maintained).when(close({ occurredAt: '2026-07-30' })).thenEvents({ type: 'TrajectoryClosed', data: { endReason: 'maintained' } });
  });

  it('end-veille for a reason other than autonomy or housing needs an orientation', () => {
    given(...watching).when(endVeille({ endReason: 'moved-away' })).thenRefused({ code: 'orientation-required', stage: 'veille' });
  });
});
