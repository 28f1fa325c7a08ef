export * from './field-problem';
export * from './payload-schema';
