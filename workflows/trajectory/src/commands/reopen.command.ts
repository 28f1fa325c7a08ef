export interface ReopenPayload {
  personal?: { comment?: string };
}
