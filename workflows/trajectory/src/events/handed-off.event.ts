import type { Partner } from '../vocabulary/orientation';

export const HANDED_OFF = 'HandedOff';

/** A partner was asked to take the household on; the relais stays open until confirmed. */
export interface HandedOffData {
  partner: Partner;
  personal?: { handOverNote?: string; partnerContact?: string };
}
