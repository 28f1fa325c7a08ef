export const BILAN_RECORDED = 'BilanRecorded';

/** An intermediate review of the measure. */
export interface BilanRecordedData {
  /** 1 for the first bilan of the measure. */
  number: number;
  personal?: { summary?: string };
}
