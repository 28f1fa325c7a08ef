import type { EndReason } from '../vocabulary/trajectory-terms';
import type { Orientation } from '../vocabulary/orientation';

export interface ClosePayload {
  /** Default: the final evaluation's end reason. */
  endReason?: EndReason;
  /** Required unless the end reason is autonomous, housed, maintained or deceased. */
  orientation?: Orientation;
  personal?: { comment?: string };
}
