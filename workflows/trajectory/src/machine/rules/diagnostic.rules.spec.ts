import {
  concludeDiagnostic,
  diagnosticStep,
  firstContact,
  given,
  gridRecorded,
  raw,
  recordDiagnosticStep,
  recordEvaluationGrid,
  saisineReceived,
  scenario,
} from '../../testing';
import { FULL_GRID } from '../../testing/event-fixtures';

const inDiagnostic = [saisineReceived(), firstContact('2026-01-05')];

describe('diagnostic', () => {
  describe('record-diagnostic-step', () => {
    it('records a step done or skipped because already done', () => {
      const then = given(...inDiagnostic, diagnosticStep('1.1'))
        .when(recordDiagnosticStep({ step: '1.2', status: 'skipped-already-done' }))
        .thenEvents({ type: 'DiagnosticStepRecorded', data: { step: '1.2', status: 'skipped-already-done' } });
      expect(then.snapshot.context.diagnostic.steps).toEqual({ '1.1': 'done', '1.2': 'skipped-already-done' });
    });

    it('refuses a step that is not a diagnostic brick', () => {
      given(...inDiagnostic).when(recordDiagnosticStep({ step: '2.1' as never })).thenRefused({ code: 'invalid-payload', stage: 'diagnostic' });
    });

    it('belongs to the diagnostic stage', () => {
      given(saisineReceived()).when(recordDiagnosticStep()).thenRefused({ code: 'command-not-allowed', stage: 'saisine' });
    });
  });

  describe('record-evaluation-grid', () => {
    it('records the five axes; comments stay personal', () => {
      const then = given(...inDiagnostic)
        .when(recordEvaluationGrid({ personal: { comments: [{ axis: 'savoir-louer', comment: 'Dette de 2 400 €' }] } }))
        .thenEvents({ type: 'EvaluationGridRecorded', data: { ratings: FULL_GRID } });
      expect(then.snapshot.context.diagnostic.grid?.ratings).toHaveLength(5);
      expect(JSON.stringify(then.snapshot.context)).not.toContain('2 400');
    });

    it('refuses a grid that leaves an axis out', () => {
      given(...inDiagnostic)
        .when(recordEvaluationGrid({ ratings: FULL_GRID.slice(1) }))
        .thenRefused({ code: 'invalid-payload', stage: 'diagnostic' });
    });
  });

  describe('conclude-diagnostic', () => {
    it('propose-accompaniment goes to the contract', () => {
      given(...inDiagnostic, gridRecorded()).when(concludeDiagnostic()).thenEvents('DiagnosticConcluded').thenStage('contract');
    });

    it('autonomous closes the trajectory', () => {
      const then = given(...inDiagnostic, gridRecorded()).when(concludeDiagnostic({ outcome: 'autonomous' })).thenStage('closed');
      expect(then.snapshot.context.closing).toMatchObject({ kind: 'diagnostic-autonomous', endReason: 'autonomous' });
    });

    it('orient-existing goes to relais with the partner', () => {
      const then = given(...inDiagnostic, gridRecorded())
        .when(concludeDiagnostic({ outcome: 'orient-existing', relaisPartner: { kind: 'mental-health-service', partnerName: 'CMP Nord' } }))
        .thenStage('relais');
      expect(then.snapshot.context.relais).toMatchObject({ partner: { kind: 'mental-health-service' }, handedOffOn: '2026-01-05' });
    });

    it('orient-existing needs the partner who takes over', () => {
      given(...inDiagnostic, gridRecorded()).when(concludeDiagnostic({ outcome: 'orient-existing' })).thenRefused({ code: 'relais-partner-required', stage: 'diagnostic' });
    });

    it('needs the evaluation grid', () => {
      given(...inDiagnostic).when(concludeDiagnostic()).thenRefused({ code: 'evaluation-grid-required', stage: 'diagnostic' });
    });

    it("needs the household's signature (v1)", () => {
      given(...inDiagnostic, gridRecorded()).when(concludeDiagnostic({ householdSigned: false })).thenRefused({ code: 'household-signature-required', stage: 'diagnostic' });
    });

    it('refuses an unknown outcome', () => {
      given(...inDiagnostic, gridRecorded()).when(raw('conclude-diagnostic', { outcome: 'maybe', householdSigned: true })).thenRefused({ code: 'invalid-payload' });
    });

    it('is not offered before the grid is recorded', () => {
      expect(given(...inDiagnostic).snapshot.stage).toBe('diagnostic');
      const v1 = scenario();
      const { allowedCommands } = v1(...inDiagnostic).when(recordEvaluationGrid()).decision as { allowedCommands: string[] };
      expect(allowedCommands).toContain('conclude-diagnostic');
    });
  });
});
