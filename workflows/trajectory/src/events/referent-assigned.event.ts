export const REFERENT_ASSIGNED = 'ReferentAssigned';

/** A social worker was named to follow the household. */
export interface ReferentAssignedData {
  referentId: string;
  previousReferentId?: string;
}
