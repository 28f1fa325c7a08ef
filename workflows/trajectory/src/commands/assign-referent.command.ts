export interface AssignReferentPayload {
  referentId: string;
}
