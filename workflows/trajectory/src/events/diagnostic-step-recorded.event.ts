import type { DiagnosticStep, StepStatus } from '../vocabulary/trajectory-terms';
import { defineEvent } from './event-definition';

/** One step of the diagnostic (bricks 1.1-1.5) was done or skipped because already done. */
export interface DiagnosticStepRecordedData {
  step: DiagnosticStep;
  status: StepStatus;
  personal?: { summary?: string };
}

export const diagnosticStepRecordedEvent = defineEvent<DiagnosticStepRecordedData>()('DiagnosticStepRecorded');
