export * from './programme';
export * from './programme.registry';
