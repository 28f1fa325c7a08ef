export * from './personal-data.cipher';
export * from './master-key';
export * from './master-keyring';
export * from './key-store.port';
export * from './sql-key.store';
export * from './in-memory-key.store';
export * from './encrypting-event.store';
