export * from './programme';
export * from './programme.registry';
export * from './programme.validation';
export * from './programme.loader';
