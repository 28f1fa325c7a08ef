import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { type BriqueRegistry, createBriqueRegistry } from '../../../workflows/briques/src';
import { CATALOGUE_DIR, loadProgrammes, type Programme, ProgrammeFileError, ProgrammeRegistry } from '../../../workflows/programmes/src';
import { loadBriqueFiles } from './brique-files.loader';
import { CatalogueError } from './catalogue-error';

/** Programmes and brique types, loaded and validated once at start-up. */
export interface Catalogue {
  programmes: ProgrammeRegistry;
  briques: BriqueRegistry;
}

/**
 * The one loader the API, the worker and the CLI call: the national briques plus those of
 * `<programmesDir>/briques/` (JSON descriptors or compiled plugins), then the shipped programmes plus
 * the `*.json` of programmesDir, each checked against that brique registry. Any invalid file throws a
 * CatalogueError naming the file, the field and the reason (English and French).
 */
export async function loadCatalogue(programmesDir?: string): Promise<Catalogue> {
  const dir = programmesDir ? checkedDir(programmesDir) : undefined;
  const plugins = dir ? await loadBriqueFiles(dir) : [];
  let briques: BriqueRegistry;
  try {
    briques = createBriqueRegistry(plugins);
  } catch (error) {
    const code = /Brique (\S+) is registered twice/.exec((error as Error).message)?.[1] ?? '?';
    throw new CatalogueError('briques/', 'code', `repeats "${code}", already a brique of the catalogue`, `répète « ${code} », déjà une brique du catalogue`);
  }
  const options = { isKnownBrique: (code: string) => briques.has(code) };
  const programmes = new ProgrammeRegistry(readDir(CATALOGUE_DIR, options));
  for (const programme of dir ? readDir(dir, options) : []) {
    if (programmes.has(programme.code)) {
      throw new CatalogueError(
        `PROGRAMMES_DIR ${programmesDir}`,
        undefined,
        `the programme code "${programme.code}" is already in the shipped catalogue; give yours another code`,
        `le code de programme « ${programme.code} » est déjà dans le catalogue livré ; donnez-en un autre au vôtre`,
      );
    }
    programmes.register(programme);
  }
  return { programmes, briques };
}

function readDir(dir: string, options: { isKnownBrique: (code: string) => boolean }): Programme[] {
  try {
    return loadProgrammes(dir, options);
  } catch (error) {
    if (error instanceof ProgrammeFileError) {
      throw new CatalogueError(`invalid programme file ${error.file}`, error.field, error.reason, error.reasonFr);
    }
    throw error;
  }
}

function checkedDir(dir: string): string {
  const path = resolve(dir);
  let isDir = false;
  try {
    isDir = statSync(path).isDirectory();
  } catch {
    isDir = false;
  }
  if (!isDir) {
    throw new CatalogueError(`PROGRAMMES_DIR ${dir}`, undefined, `is not a directory (resolved to ${path})`, `n'est pas un dossier (chemin résolu : ${path})`);
  }
  return path;
}
