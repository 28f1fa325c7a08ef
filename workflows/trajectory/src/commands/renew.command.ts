export interface RenewPayload {
  personal?: { justification?: string };
}
