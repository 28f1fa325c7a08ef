import { defineEvent } from './event-definition';

/** A social worker was named to follow the household. */
export interface ReferentAssignedData {
  referentId: string;
  previousReferentId?: string;
}

export const referentAssignedEvent = defineEvent<ReferentAssignedData>()('ReferentAssigned');
