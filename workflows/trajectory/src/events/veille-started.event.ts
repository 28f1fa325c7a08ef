export const VEILLE_STARTED = 'VeilleStarted';

/** The household is watched with a yearly visit. */
export interface VeilleStartedData {
  personal?: { comment?: string };
}
