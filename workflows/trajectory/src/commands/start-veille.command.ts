export interface StartVeillePayload {
  personal?: { comment?: string };
}
