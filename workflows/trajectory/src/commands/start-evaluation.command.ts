// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- the command carries nothing but its date
export interface StartEvaluationPayload {}
