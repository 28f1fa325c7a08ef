export * from './household-erased.event';
export * from './household-eraser';
export * from './retention.policy';
export * from './retention.sweep';
