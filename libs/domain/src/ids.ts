const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
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
