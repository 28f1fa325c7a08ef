import type { ContactPerson, HouseholdIdentity, HouseholdProfile, Motive, Prescriber } from '../vocabulary/household';

export interface ReceiveSaisinePayload {
  /** Code of a registered programme. */
  programmeCode: string;
  conventionId?: string;
  /** Omit for a household new to the service; pass it to link a new saisine to earlier ones. */
  householdId?: string;
  prescriber: Prescriber;
  motives: Motive[];
  household: HouseholdProfile;
  personal?: {
    household?: HouseholdIdentity;
    prescriberContact?: ContactPerson;
    comment?: string;
  };
}
