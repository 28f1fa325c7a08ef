import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { createBriqueRegistry } from '../../../../workflows/briques/src';
import { CATALOGUE_DIR, loadProgrammes, type Programme, ProgrammeFileError, ProgrammeRegistry } from '../../../../workflows/programmes/src';
import { StartupError } from '../startup/startup-error';
import type { Catalogue } from './catalogue';

/**
 * The programmes and briques this installation runs with: the shipped catalogue, plus the JSON files
 * of PROGRAMMES_DIR. Any invalid file stops start-up with a message naming the file and the field.
 */
export async function loadCatalogue(programmesDir?: string): Promise<Catalogue> {
  const briques = createBriqueRegistry();
  const options = { isKnownBrique: (code: string) => briques.has(code) };
  const shipped = readDir(CATALOGUE_DIR, options);
  const extra = programmesDir ? readDir(checkedDir(programmesDir), options) : [];
  const programmes = new ProgrammeRegistry(shipped);
  for (const programme of extra) {
    if (programmes.has(programme.code)) {
      throw new StartupError(
        `PROGRAMMES_DIR ${programmesDir}: the programme code "${programme.code}" is already in the shipped catalogue; give yours another code.`,
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
    if (error instanceof ProgrammeFileError) throw new StartupError(`invalid programme file ${error.message}`, { cause: error });
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
  if (!isDir) throw new StartupError(`PROGRAMMES_DIR ${dir} is not a directory (resolved to ${path}).`);
  return path;
}
