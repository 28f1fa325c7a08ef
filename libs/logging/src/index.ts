export * from './log-settings';
export * from './create-logger';
export * from './redaction';
export * from './pretty-log.stream';
