import { defineEvent } from './event-definition';

/** The household is watched with a yearly visit. */
export interface VeilleStartedData {
  personal?: { comment?: string };
}

export const veilleStartedEvent = defineEvent<VeilleStartedData>()('VeilleStarted');
