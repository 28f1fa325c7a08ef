import type { Partner } from '../vocabulary/orientation';

export interface HandOffPayload {
  partner: Partner;
  personal?: { handOverNote?: string; partnerContact?: string };
}
