import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { Programme } from './programme';
import { ProgrammeRegistry } from './programme.registry';
import { validateProgramme, type ValidationOptions } from './programme.validation';

/**
 * The programmes shipped with the engine. The compiled code runs from dist/, where tsc does not
 * copy JSON files, so the source folder is the fallback.
 */
export const CATALOGUE_DIR = [resolve(__dirname, '..', 'catalogue'), resolve(__dirname, '..', '..', '..', '..', 'workflows', 'programmes', 'catalogue')].find((d) =>
  existsSync(d),
) ?? resolve(__dirname, '..', 'catalogue');

/** An invalid programme file stops start-up with the file and the field to fix. */
export class ProgrammeFileError extends Error {
  constructor(
    readonly file: string,
    readonly field: string | undefined,
    readonly reason: string,
    /** The same reason in French, for the operator's message (English when no translation exists). */
    readonly reasonFr: string = reason,
  ) {
    super(field ? `${file}: ${field} ${reason}` : `${file}: ${reason}`);
    this.name = 'ProgrammeFileError';
  }
}

/**
 * Reads every *.json of a directory (in name order) and validates each; the first invalid file
 * throws, naming the file (as `<dir name>/<file>`) and the field. Codes must be unique.
 */
export function loadProgrammes(dir: string, options: ValidationOptions = {}): Programme[] {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort();
  const programmes: Programme[] = [];
  const byCode = new Map<string, string>();
  for (const file of files) {
    const label = `${basename(resolve(dir))}/${file}`;
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    } catch (error) {
      throw new ProgrammeFileError(label, undefined, `is not valid JSON (${(error as Error).message})`, `n'est pas du JSON valide (${(error as Error).message})`);
    }
    const result = validateProgramme(raw, options);
    if (!result.ok) {
      const [first] = result.problems;
      const others = result.problems.length > 1 ? ` (and ${result.problems.length - 1} more: ${result.problems.slice(1).map((p) => p.field).join(', ')})` : '';
      const othersFr = result.problems.length > 1 ? ` (et ${result.problems.length - 1} autre(s) : ${result.problems.slice(1).map((p) => p.field).join(', ')})` : '';
      throw new ProgrammeFileError(label, first.field, `${first.reason}${others}`, `${first.reasonFr ?? first.reason}${othersFr}`);
    }
    const previous = byCode.get(result.programme.code);
    if (previous) throw new ProgrammeFileError(label, 'code', `repeats "${result.programme.code}", already defined in ${previous}`, `répète « ${result.programme.code} », déjà défini dans ${previous}`);
    byCode.set(result.programme.code, label);
    programmes.push(result.programme);
  }
  return programmes;
}

export function loadProgrammeRegistry(dir: string = CATALOGUE_DIR, options: ValidationOptions = {}): ProgrammeRegistry {
  return new ProgrammeRegistry(loadProgrammes(dir, options));
}
