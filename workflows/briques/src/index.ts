export * from './brique';
export * from './define-brique';
export * from './brique-descriptor.validation';
export * from './brique-data.validator';
export * from './brique.registry';
export * from './brique.catalogue';
