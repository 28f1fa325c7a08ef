export interface ResumePayload {
  personal?: { comment?: string };
}
