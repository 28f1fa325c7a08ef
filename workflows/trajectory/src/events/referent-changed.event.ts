export const REFERENT_CHANGED = 'ReferentChanged';

/** The household was handed over to another referent inside the service. */
export interface ReferentChangedData {
  referentId: string;
  previousReferentId: string;
  personal?: { handOverNote?: string };
}
