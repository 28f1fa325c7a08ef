import type { EndReason } from '../vocabulary/trajectory-terms';
import type { Orientation } from '../vocabulary/orientation';

export const VEILLE_ENDED = 'VeilleEnded';

/** The watch ended; the trajectory closes. */
export interface VeilleEndedData {
  endReason: EndReason;
  orientation?: Orientation;
  personal?: { comment?: string };
}
