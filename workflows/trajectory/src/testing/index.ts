export * from './test-installation';
export * from './event-fixtures';
export * from './command-fixtures';
export * from './given';
