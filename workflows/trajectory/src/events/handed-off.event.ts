import type { Partner } from '../vocabulary/orientation';
import { defineEvent } from './event-definition';

/**
 * A partner was asked to take the household on; the relais stays open until confirmed.
 * Schema 2 (issue 13) adds `partnerId`, the `partner:<id>` scope that may confirm it; schema 1
 * hand-offs named none and are lifted unchanged.
 */
export interface HandedOffData {
  partner: Partner;
  partnerId?: string;
  personal?: { handOverNote?: string; partnerContact?: string };
}

export const handedOffEvent = defineEvent<HandedOffData>()('HandedOff');
