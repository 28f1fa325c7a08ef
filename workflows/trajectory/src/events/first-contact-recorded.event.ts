import type { ContactMode } from '../vocabulary/trajectory-terms';

export const FIRST_CONTACT_RECORDED = 'FirstContactRecorded';

/** The referent met or reached the household for the first time: the diagnostic starts. */
export interface FirstContactRecordedData {
  mode: ContactMode;
  personal?: { summary?: string };
}
