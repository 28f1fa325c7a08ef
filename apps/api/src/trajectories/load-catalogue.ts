import { createBriqueRegistry } from '../../../../workflows/briques/src';
import { ProgrammeRegistry } from '../../../../workflows/programmes/src';
import type { Catalogue } from './catalogue';

/** The programmes and briques this installation runs with (shipped ones, plus PROGRAMMES_DIR). */
export async function loadCatalogue(_programmesDir?: string): Promise<Catalogue> {
  return { programmes: new ProgrammeRegistry(), briques: createBriqueRegistry() };
}
