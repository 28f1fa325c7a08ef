import {
  bilanRecorded,
  close,
  contractSigned,
  diagnosticConcluded,
  evaluationStarted,
  finalEvaluation,
  firstContact,
  given,
  handOff,
  recordFinalEvaluation,
  renew,
  renewed,
  saisineReceived,
  scenario,
  startVeille,
} from '../../testing';

const inEvaluation = [
  saisineReceived(),
  firstContact('2026-01-05'),
  diagnosticConcluded('propose-accompaniment', { on: '2026-01-20' }),
  contractSigned({ on: '2026-02-01', months: 6 }),
  evaluationStarted('2026-07-15'),
];

describe('evaluation', () => {
  describe('record-final-evaluation', () => {
    it('records the grid, each objective and the end reason, signed', () => {
      const then = given(...inEvaluation)
        .when(recordFinalEvaluation({ occurredAt: '2026-07-20' }))
        .thenEvents({ type: 'FinalEvaluationRecorded', data: { endReason: 'housed', objectives: [{ id: 'obj-1', met: true }, { id: 'obj-2', met: false }] } })
        .thenStage('evaluation');
      expect(then.snapshot.context.evaluation?.final).toMatchObject({ on: '2026-07-20', endReason: 'housed', householdSigned: true });
    });

    it('is signed with the household', () => {
      given(...inEvaluation).when(recordFinalEvaluation({ householdSigned: false })).thenRefused({ code: 'household-signature-required', stage: 'evaluation' });
    });

    it('says for every objective of the contract whether it was met', () => {
      given(...inEvaluation)
        .when(recordFinalEvaluation({ objectives: [{ id: 'obj-1', met: true }] }))
        .thenRefused({ code: 'objectives-incomplete', stage: 'evaluation' });
    });

    it('is recorded once', () => {
      given(...inEvaluation, finalEvaluation()).when(recordFinalEvaluation()).thenRefused({ code: 'final-evaluation-already-recorded', stage: 'evaluation' });
    });
  });

  describe('then exactly one of renew, hand-off, start-veille, close', () => {
    it('renew goes back to briques when the programme allows it', () => {
      const then = given(...inEvaluation, finalEvaluation({ on: '2026-07-20' }))
        .when(renew({ occurredAt: '2026-07-25' }))
        .thenEvents({ type: 'MeasureRenewed', data: { endsOn: '2027-02-01' } })
        .thenStage('briques');
      expect(then.snapshot.context.evaluation).toBeUndefined();
    });

    it('renew needs the final evaluation first', () => {
      given(...inEvaluation).when(renew()).thenRefused({ code: 'final-evaluation-required', stage: 'evaluation' });
    });

    it('renew stays within the renewals count', () => {
      scenario({ today: '2027-12-31' })(
        saisineReceived(),
        firstContact('2026-01-05'),
        diagnosticConcluded(),
        contractSigned({ on: '2026-02-01' }),
        bilanRecorded('2026-07-01'),
        renewed('2026-07-02'),
        bilanRecorded('2026-07-03'),
        renewed('2026-07-04'),
        evaluationStarted('2027-07-15'),
        finalEvaluation({ on: '2027-07-20' }),
      )
        .when(renew({ occurredAt: '2027-07-25' }))
        .thenRefused({ code: 'renewals-exhausted', stage: 'evaluation' });
    });

    it('hand-off goes to relais', () => {
      given(...inEvaluation, finalEvaluation()).when(handOff()).thenEvents({ type: 'HandedOff', data: { partner: { kind: 'ccas' } } }).thenStage('relais');
    });

    it('hand-off needs the final evaluation', () => {
      given(...inEvaluation).when(handOff()).thenRefused({ code: 'final-evaluation-required', stage: 'evaluation' });
    });

    it('start-veille goes to veille', () => {
      given(...inEvaluation, finalEvaluation()).when(startVeille()).thenEvents('VeilleStarted').thenStage('veille');
    });

    it('start-veille needs the final evaluation', () => {
      given(...inEvaluation).when(startVeille()).thenRefused({ code: 'final-evaluation-required', stage: 'evaluation' });
    });

    it('close takes the end reason of the final evaluation; housed needs no orientation', () => {
      const then = given(...inEvaluation, finalEvaluation({ endReason: 'housed' }))
        .when(close())
        .thenEvents({ type: 'TrajectoryClosed', data: { endReason: 'housed' } })
        .thenStage('closed');
      expect(then.snapshot.context.closing).toMatchObject({ kind: 'closed', endReason: 'housed' });
    });

    it('close for any other reason needs an orientation', () => {
      given(...inEvaluation, finalEvaluation({ endReason: 'abandoned' })).when(close()).thenRefused({ code: 'orientation-required', stage: 'evaluation' });
      given(...inEvaluation, finalEvaluation({ endReason: 'abandoned' }))
        .when(close({ orientation: { kind: 'ccas' } }))
        .thenEvents({ type: 'TrajectoryClosed', data: { endReason: 'abandoned', orientation: { kind: 'ccas' } } });
    });

    it('close needs the final evaluation', () => {
      given(...inEvaluation).when(close({ endReason: 'housed' })).thenRefused({ code: 'final-evaluation-required', stage: 'evaluation' });
    });
  });
});
