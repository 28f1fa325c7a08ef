import type { Orientation } from '../vocabulary/orientation';

export interface ReorientPayload {
  orientation: Orientation;
  personal?: { comment?: string };
}
