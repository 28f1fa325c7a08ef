import type { BriqueRegistry } from '../../../../workflows/briques/src';
import type { ProgrammeRegistry } from '../../../../workflows/programmes/src';

/** Programmes and brique types, loaded and validated once at start-up. */
export interface Catalogue {
  programmes: ProgrammeRegistry;
  briques: BriqueRegistry;
}
