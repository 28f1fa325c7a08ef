import type { SuspensionReason } from '../vocabulary/trajectory-terms';

export interface SuspendPayload {
  reason: SuspensionReason;
  personal?: { comment?: string };
}
