import type { BriqueCadence } from '../../../briques/src';
import { defineEvent } from './event-definition';

/** A brique of the catalogue started. */
export interface BriqueStartedData {
  code: string;
  group: string;
  /** Copied from the brique's definition so deadlines replay without the catalogue. */
  cadence: BriqueCadence;
  /** Categorical start data, validated by the brique's dataSchema. */
  details?: Record<string, unknown>;
  personal?: { objective?: string };
}

export const briqueStartedEvent = defineEvent<BriqueStartedData>()('BriqueStarted');
