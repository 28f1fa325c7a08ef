export * from './catalogue-error';
export * from './brique-files.loader';
export * from './load-catalogue';
