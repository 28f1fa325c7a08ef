import type { ContractParty } from '../vocabulary/trajectory-terms';
import { defineEvent } from './event-definition';

/** One party signed the contract. */
export interface ContractSignedData {
  party: ContractParty;
}

export const contractSignedEvent = defineEvent<ContractSignedData>()('ContractSigned');
