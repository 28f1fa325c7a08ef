import { CatalogueError, loadCatalogue as loadSharedCatalogue } from '../../../../libs/catalogue/src';
import { StartupError } from '../startup/startup-error';
import type { Catalogue } from './catalogue';

/**
 * The API's start-up read of the catalogue: the shared loader (libs/catalogue, also the worker's and the
 * CLI's), with an invalid file turned into a StartupError so main.ts prints one line and exits.
 */
export async function loadCatalogue(programmesDir?: string): Promise<Catalogue> {
  try {
    return await loadSharedCatalogue(programmesDir);
  } catch (error) {
    if (error instanceof CatalogueError) throw new StartupError(error.message, { cause: error });
    throw error;
  }
}
