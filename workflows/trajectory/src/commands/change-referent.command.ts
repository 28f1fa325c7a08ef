export interface ChangeReferentPayload {
  referentId: string;
  personal?: { handOverNote?: string };
}
