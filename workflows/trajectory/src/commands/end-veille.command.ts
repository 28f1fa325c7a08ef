import type { EndReason } from '../vocabulary/trajectory-terms';
import type { Orientation } from '../vocabulary/orientation';

export interface EndVeillePayload {
  /** Default 'autonomous'. */
  endReason?: EndReason;
  orientation?: Orientation;
  personal?: { comment?: string };
}
