const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/**
 * Who acts: a token's subject, a referent's id. Plain enough to be shown, logged and compared
 * anywhere without escaping; the CLI mints, the API accepts and commands assign only these.
 */
export const ACTOR_ID = /^[A-Za-z0-9._@:-]{1,128}$/;
export const ACTOR_ID_RULE = '1-128 letters, digits or . _ @ : -';

export function isActorId(value: unknown): value is string {
  return typeof value === 'string' && ACTOR_ID.test(value);
}

export const TRAJECTORY_STREAM_PREFIX = 'trajectory-';

export function trajectoryStreamId(trajectoryId: string): string {
  return `${TRAJECTORY_STREAM_PREFIX}${trajectoryId}`;
}

export function trajectoryIdOf(streamId: string): string | undefined {
  return streamId.startsWith(TRAJECTORY_STREAM_PREFIX) ? streamId.slice(TRAJECTORY_STREAM_PREFIX.length) : undefined;
}

/** Ids are injected like time, so the core never calls a random source itself. */
export interface IdGenerator {
  next(): string;
}
