import { defineEvent } from './event-definition';

/** The household was handed over to another referent inside the service. */
export interface ReferentChangedData {
  referentId: string;
  previousReferentId: string;
  personal?: { handOverNote?: string };
}

export const referentChangedEvent = defineEvent<ReferentChangedData>()('ReferentChanged');
