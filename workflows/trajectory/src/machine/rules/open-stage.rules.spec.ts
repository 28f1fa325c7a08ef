import type { GivenStep } from '../../testing';
import {
  briqueStarted,
  contractSigned,
  diagnosticConcluded,
  evaluationStarted,
  finalEvaluation,
  firstContact,
  given,
  handedOff,
  raw,
  recordNote,
  reoriented,
  saisineReceived,
  suspended,
  veilleStarted,
  withdraw,
  withdrawn,
} from '../../testing';

const stages: Array<[string, GivenStep[]]> = [
  ['saisine', [saisineReceived()]],
  ['diagnostic', [saisineReceived(), firstContact('2026-01-05')]],
  ['contract', [saisineReceived(), firstContact('2026-01-05'), diagnosticConcluded()]],
  ['briques', [saisineReceived(), firstContact('2026-01-05'), diagnosticConcluded(), contractSigned({ on: '2026-02-01' })]],
  ['briques', [saisineReceived(), firstContact('2026-01-05'), diagnosticConcluded(), contractSigned({ on: '2026-02-01' }), suspended('2026-03-01')]],
  ['evaluation', [saisineReceived(), firstContact('2026-01-05'), diagnosticConcluded(), contractSigned({ on: '2026-02-01' }), evaluationStarted('2026-07-01')]],
  [
    'relais',
    [saisineReceived(), firstContact('2026-01-05'), diagnosticConcluded(), contractSigned({ on: '2026-02-01' }), evaluationStarted('2026-07-01'), finalEvaluation(), handedOff()],
  ],
  [
    'veille',
    [saisineReceived(), firstContact('2026-01-05'), diagnosticConcluded(), contractSigned({ on: '2026-02-01' }), evaluationStarted('2026-07-01'), finalEvaluation(), veilleStarted()],
  ],
];

describe('at any open stage', () => {
  it.each(stages)('withdraw closes from %s, with an orientation', (stage, steps) => {
    const then = given(...steps)
      .when(withdraw({ occurredAt: '2026-09-01' }))
      .thenEvents({ type: 'TrajectoryWithdrawn', data: { fromStage: stage, orientation: { kind: 'ccas' } } })
      .thenStage('closed');
    expect(then.snapshot.context.closing).toMatchObject({ kind: 'withdrawn', on: '2026-09-01' });
  });

  it.each(stages)('record-note is accepted at %s and leaves the stage alone', (stage, steps) => {
    const then = given(...steps).when(recordNote({ occurredAt: '2026-09-01' })).thenEvents({ type: 'NoteRecorded', data: { category: 'note', personal: { text: 'Appel du bailleur' } } });
    expect(then.snapshot.stage).toBe(stage);
    expect(then.snapshot.context.notesCount).toBe(1);
  });

  it('withdraw needs an orientation', () => {
    // The command's schema requires it, so the input is refused before the rule is asked.
    const then = given(saisineReceived()).when(raw('withdraw', {})).thenRefused({ code: 'invalid-payload', kind: 'invalid', stage: 'saisine' });
    expect(then.decision.accepted ? [] : then.decision.refusal.fields).toEqual([expect.objectContaining({ field: 'orientation', reason: 'is required' })]);
  });

  it('closed is final: no note, no withdrawal', () => {
    given(saisineReceived(), withdrawn()).when(recordNote()).thenRefused({ code: 'trajectory-closed', stage: 'closed' });
    given(saisineReceived(), reoriented()).when(withdraw()).thenRefused({ code: 'trajectory-closed', stage: 'closed' });
  });

  it('nothing but a saisine opens a trajectory', () => {
    given().when(recordNote({ occurredAt: '2026-01-02' })).thenRefused({ code: 'command-not-allowed', stage: 'new' });
  });

  it('refuses an unknown command', () => {
    given(saisineReceived()).when(raw('teleport', {})).thenRefused({ code: 'unknown-command', kind: 'invalid' });
  });

  it('refuses a date that is not a date', () => {
    given(saisineReceived()).when(recordNote({ occurredAt: '2026-02-30' })).thenRefused({ code: 'invalid-occurred-at', kind: 'invalid' });
  });

  it('reads an ISO instant as its Paris calendar date', () => {
    const then = given(saisineReceived({ on: '2026-06-30' })).when(recordNote({ occurredAt: '2026-06-30T22:30:00Z' }));
    expect(then.decision.accepted && then.decision.events[0].metadata?.occurredAt).toBe('2026-07-01');
  });

  it('refuses a note without text-only personal data', () => {
    given(saisineReceived()).when(raw('record-note', { personal: { text: 42 } })).thenRefused({ code: 'invalid-payload' });
  });
});

describe('once the accompaniment is over', () => {
  it('no brique stays active and an open suspension ends on the closing date', () => {
    const then = given(
      saisineReceived(),
      firstContact('2026-01-05'),
      diagnosticConcluded(),
      contractSigned({ on: '2026-02-01' }),
      briqueStarted('2.1', '2026-02-02'),
      suspended('2026-03-01'),
    ).when(withdraw({ occurredAt: '2026-04-01' }));
    expect(then.snapshot.context.activeBriques).toEqual([]);
    expect(then.snapshot.context.suspendedSince).toBeUndefined();
    expect(then.snapshot.context.suspensions).toEqual([{ from: '2026-03-01', to: '2026-04-01' }]);
  });
});
