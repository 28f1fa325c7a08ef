import type { Partner } from '../vocabulary/orientation';
import { defineEvent } from './event-definition';

/** The partner confirmed it has taken the household on; the trajectory closes. */
export interface RelaisConfirmedData {
  partner: Partner;
  personal?: { comment?: string };
}

export const relaisConfirmedEvent = defineEvent<RelaisConfirmedData>()('RelaisConfirmed');
