import type { EndReason } from '../vocabulary/trajectory-terms';
import type { Orientation } from '../vocabulary/orientation';
import { defineEvent } from './event-definition';

/** The watch ended; the trajectory closes. */
export interface VeilleEndedData {
  endReason: EndReason;
  orientation?: Orientation;
  personal?: { comment?: string };
}

export const veilleEndedEvent = defineEvent<VeilleEndedData>()('VeilleEnded');
