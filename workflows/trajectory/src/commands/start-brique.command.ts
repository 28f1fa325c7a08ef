export interface StartBriquePayload {
  code: string;
  /** Validated by the brique's dataSchema. */
  details?: Record<string, unknown>;
  personal?: { objective?: string };
}
