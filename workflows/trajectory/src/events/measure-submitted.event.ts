import type { ValidatorKind } from '../../../programmes/src';
import type { GridAxis } from '../vocabulary/evaluation-grid';
import type { OccupancyStatus } from '../vocabulary/trajectory-terms';
import type { ValidationUrgency } from '../vocabulary/partners';
import { defineEvent } from './event-definition';

/** What a validator receives: the programme's submission form, categorical only. */
export interface ValidationSubmission {
  measureType: string;
  /** Proposed brique codes. */
  briques: string[];
  durationMonths: number;
  summary: {
    /** The grid's axes on which the household needs support. */
    axesNeedingSupport: GridAxis[];
    occupancyStatus: OccupancyStatus;
    urgency: ValidationUrgency;
  };
}

/** The proposed measure was submitted to the programme's validator; the contract waits for its decision. */
export interface MeasureSubmittedForValidationData {
  validatorId: string;
  validatorKind: ValidatorKind;
  submission: ValidationSubmission;
}

export const measureSubmittedForValidationEvent = defineEvent<MeasureSubmittedForValidationData>()('MeasureSubmittedForValidation');
