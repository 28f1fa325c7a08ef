import type { ProgrammeTerms } from '../../../programmes/src';
import type { ContactPerson, HouseholdIdentity, HouseholdProfile, Motive, Prescriber } from '../vocabulary/household';
import { defineEvent } from './event-definition';

/** A prescriber referred a household; the trajectory opens on this date. */
export interface SaisineReceivedData {
  /** Machine version the trajectory started on and keeps for ever. */
  workflowVersion: number;
  /** The programme's terms as they were at opening (rules replay the same after the programme changes). */
  programme: ProgrammeTerms;
  /**
   * The convention the trajectory is counted in, resolved at the saisine (named, or the programme's
   * only one of the year) and kept; absent when the programme had none yet (the contract names it).
   */
  conventionId?: string;
  /** The programme's categorical saisine fields (its `saisineFields`), codes only; absent when none were given. */
  fields?: Record<string, string>;
  /** Links the trajectories of one household across saisines. */
  householdId: string;
  prescriber: Prescriber;
  motives: Motive[];
  household: HouseholdProfile;
  personal?: {
    household?: HouseholdIdentity;
    prescriberContact?: ContactPerson;
    comment?: string;
  };
}

export const saisineReceivedEvent = defineEvent<SaisineReceivedData>()('SaisineReceived');
