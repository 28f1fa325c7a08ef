export interface RecordBilanPayload {
  personal?: { summary?: string };
}
