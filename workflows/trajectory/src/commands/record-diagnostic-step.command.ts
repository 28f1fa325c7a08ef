import { s, type Infer } from '../../../engine/src';
import { diagnosticStepRecordedEvent } from '../events/diagnostic-step-recorded.event';
import { DIAGNOSTIC_STEPS, STEP_STATUSES } from '../vocabulary/trajectory-terms';
import { personalText } from './support/fields';
import { compact, defineCommand, event } from './support/trajectory-command';

export const recordDiagnosticStep = defineCommand({
  name: 'record-diagnostic-step',
  summary: { en: 'Record a diagnostic step', fr: 'Enregistrer une étape du diagnostic' },
  description: { en: 'Bricks 1.1-1.5, done or skipped because already done.', fr: 'Briques 1.1 à 1.5, faites ou passées car déjà faites.' },
  payload: s.object({
    step: s.oneOf(DIAGNOSTIC_STEPS, { label: { fr: 'Étape', en: 'Step' }, example: '1.1' }),
    status: s.oneOf(STEP_STATUSES, { label: { fr: 'Statut', en: 'Status' }, example: 'done' }),
    personal: personalText.summary(),
  }),
  example: { step: '1.1', status: 'done' },
  produces: [diagnosticStepRecordedEvent],
  decide: (p) => [event(diagnosticStepRecordedEvent, compact({ step: p.step, status: p.status, personal: p.personal }))],
});

export type RecordDiagnosticStepPayload = Infer<typeof recordDiagnosticStep.payload>;
