import type { Partner } from '../vocabulary/orientation';

export const RELAIS_CONFIRMED = 'RelaisConfirmed';

/** The partner confirmed it has taken the household on; the trajectory closes. */
export interface RelaisConfirmedData {
  partner: Partner;
  personal?: { comment?: string };
}
