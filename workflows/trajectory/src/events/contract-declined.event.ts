import type { Orientation } from '../vocabulary/orientation';
import { defineEvent } from './event-definition';

/** The household declined the contract; it closes with an orientation. */
export interface ContractDeclinedData {
  orientation: Orientation;
  personal?: { comment?: string };
}

export const contractDeclinedEvent = defineEvent<ContractDeclinedData>()('ContractDeclined');
