/** Programmes and brique types, loaded and validated once at start-up (libs/catalogue's one loader). */
export type { Catalogue } from '../../../../libs/catalogue/src';
