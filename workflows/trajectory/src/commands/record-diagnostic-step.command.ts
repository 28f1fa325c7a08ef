import { DIAGNOSTIC_STEPS, STEP_STATUSES, type DiagnosticStep, type StepStatus } from '../vocabulary/trajectory-terms';
import { compact, event, type TrajectoryCommandSpec } from './support/trajectory-command';

export interface RecordDiagnosticStepPayload {
  step: DiagnosticStep;
  status: StepStatus;
  personal?: { summary?: string };
}

export const recordDiagnosticStep: TrajectoryCommandSpec<'record-diagnostic-step'> = {
  produces: ['DiagnosticStepRecorded'],
  read: (c) => compact({ step: c.oneOf('step', DIAGNOSTIC_STEPS)!, status: c.oneOf('status', STEP_STATUSES)!, personal: c.personal() }),
  decide: (p) => [event('DiagnosticStepRecorded', compact({ step: p.step, status: p.status, personal: p.personal }))],
};
