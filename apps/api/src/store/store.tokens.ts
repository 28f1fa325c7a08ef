/** Injection tokens for what createApp opens before Nest starts (so start-up failures stay one clean line). */
export const EVENT_STORE = Symbol('EventStore');
export const CLOCK = Symbol('Clock');
