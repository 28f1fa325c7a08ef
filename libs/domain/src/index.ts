export * from './clock.port';
export * from './domain-error';
export * from './calendar-date';
export * from './ids';
export * from './roles';
export * from './event-envelope';
export * from './control-characters';
export * from './delay';
