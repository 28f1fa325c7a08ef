import type { ContractParty } from '../vocabulary/trajectory-terms';

export interface SignContractPayload {
  party: ContractParty;
}
