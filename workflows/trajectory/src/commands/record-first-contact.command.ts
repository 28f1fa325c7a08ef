import type { ContactMode } from '../vocabulary/trajectory-terms';

export interface RecordFirstContactPayload {
  mode: ContactMode;
  personal?: { summary?: string };
}
