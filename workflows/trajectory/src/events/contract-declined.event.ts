import type { Orientation } from '../vocabulary/orientation';

export const CONTRACT_DECLINED = 'ContractDeclined';

/** The household declined the contract; it closes with an orientation. */
export interface ContractDeclinedData {
  orientation: Orientation;
  personal?: { comment?: string };
}
