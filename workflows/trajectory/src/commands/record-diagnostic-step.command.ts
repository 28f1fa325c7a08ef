import type { DiagnosticStep, StepStatus } from '../vocabulary/trajectory-terms';

export interface RecordDiagnosticStepPayload {
  step: DiagnosticStep;
  status: StepStatus;
  personal?: { summary?: string };
}
