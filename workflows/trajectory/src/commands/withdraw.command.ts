import type { Orientation } from '../vocabulary/orientation';

export interface WithdrawPayload {
  orientation: Orientation;
  personal?: { comment?: string };
}
