export * from './personal-data.cipher';
export * from './master-key';
