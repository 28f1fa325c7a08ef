import type { Orientation } from '../vocabulary/orientation';

export interface DeclinePayload {
  /** Required when declining at the contract stage: nobody is left without a solution. */
  orientation?: Orientation;
  personal?: { comment?: string };
}
