import type { ContractParty } from '../vocabulary/trajectory-terms';

export const CONTRACT_SIGNED = 'ContractSigned';

/** One party signed the contract. */
export interface ContractSignedData {
  party: ContractParty;
}
