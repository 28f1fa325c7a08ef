import type { EventStore, StoreInfo } from '../../../../libs/event-store/src/event-store.port';

/** A store that only answers info(): for HTTP-layer specs that never touch a trajectory. */
export function stubEventStore(info: Partial<StoreInfo> = {}, onClose: () => void = () => undefined): EventStore {
  const unsupported = () => {
    throw new Error('stubEventStore: not supported');
  };
  return {
    append: unsupported,
    readStream: unsupported,
    streamVersion: unsupported,
    readAll: unsupported,
    subscribe: unsupported,
    verifyStream: unsupported,
    listStreams: unsupported,
    info: async () => ({ kind: 'memory', schemaVersion: 1, lastPosition: '0/0', lastGlobalPosition: 0, ...info }),
    close: async () => onClose(),
  };
}
