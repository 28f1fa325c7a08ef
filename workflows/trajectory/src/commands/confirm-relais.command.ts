export interface ConfirmRelaisPayload {
  personal?: { comment?: string };
}
