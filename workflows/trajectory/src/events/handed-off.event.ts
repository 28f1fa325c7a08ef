import type { Partner } from '../vocabulary/orientation';
import { defineEvent } from './event-definition';

/** A partner was asked to take the household on; the relais stays open until confirmed. */
export interface HandedOffData {
  partner: Partner;
  personal?: { handOverNote?: string; partnerContact?: string };
}

export const handedOffEvent = defineEvent<HandedOffData>()('HandedOff');
