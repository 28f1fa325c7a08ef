import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type BriqueDefinition, defineBrique, validateBriqueDescriptor } from '../../../workflows/briques/src';
import { CatalogueError } from './catalogue-error';

/** What a code plugin receives when it exports a function: the engine's own `defineBrique`, so it needs no import path. */
export interface BriquePluginApi {
  defineBrique: typeof defineBrique;
}

/**
 * The brique types of `<programmes dir>/briques/`: each `*.json` is one descriptor (the fields of
 * `defineBrique`), each `*.js` / `*.cjs` a compiled plugin module exporting definitions, an array of them,
 * or a function `({ defineBrique }) => definitions`. Files are read in name order; labels in errors are
 * `briques/<file>`. A TypeScript file must be compiled first: it is refused with that reason.
 */
export async function loadBriqueFiles(programmesDir: string): Promise<BriqueDefinition[]> {
  const dir = join(resolve(programmesDir), 'briques');
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return [];
  const out: BriqueDefinition[] = [];
  for (const file of readdirSync(dir).sort()) {
    const label = `briques/${file}`;
    const path = join(dir, file);
    if (file.endsWith('.json')) out.push(fromJson(label, path));
    else if (file.endsWith('.js') || file.endsWith('.cjs')) out.push(...(await fromModule(label, path)));
    else if (file.endsWith('.ts') && !file.endsWith('.d.ts')) {
      throw new CatalogueError(label, undefined, 'is TypeScript: compile it to .js (tsc) and put the .js file here', 'est du TypeScript : compilez-le en .js (tsc) et déposez le fichier .js ici');
    }
  }
  return out;
}

function fromJson(label: string, path: string): BriqueDefinition {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    const why = (error as Error).message;
    throw new CatalogueError(label, undefined, `is not valid JSON (${why})`, `n'est pas du JSON valide (${why})`);
  }
  const result = validateBriqueDescriptor(raw);
  if (!result.ok) {
    const [first, ...more] = result.problems;
    const others = more.length ? ` (and ${more.length} more: ${more.map((p) => p.path).join(', ')})` : '';
    const othersFr = more.length ? ` (et ${more.length} autre(s) : ${more.map((p) => p.path).join(', ')})` : '';
    throw new CatalogueError(label, first.path, `${first.reason}${others}`, `${first.reasonFr}${othersFr}`);
  }
  return defineBrique(result.definition);
}

async function fromModule(label: string, path: string): Promise<BriqueDefinition[]> {
  let loaded: Record<string, unknown>;
  try {
    loaded = (await import(path)) as Record<string, unknown>;
  } catch (error) {
    const why = (error as Error).message;
    throw new CatalogueError(label, undefined, `cannot be loaded (${why})`, `ne peut pas être chargé (${why})`);
  }
  let exported: unknown = loaded.briques ?? loaded.default ?? loaded;
  if (typeof exported === 'function') exported = (exported as (api: BriquePluginApi) => unknown)({ defineBrique });
  const list = Array.isArray(exported) ? exported : isDefinition(exported) ? [exported] : Object.values(exported as object).filter(isDefinition);
  if (list.length === 0) {
    throw new CatalogueError(label, undefined, 'exports no brique: export definitions made with defineBrique', "n'exporte aucune brique : exportez des définitions faites avec defineBrique");
  }
  return list.map((definition, i) => {
    try {
      return defineBrique(definition as BriqueDefinition);
    } catch (error) {
      const why = (error as Error).message;
      throw new CatalogueError(label, String(i), why, `définition invalide (${why})`);
    }
  });
}

function isDefinition(value: unknown): value is BriqueDefinition {
  return typeof value === 'object' && value !== null && typeof (value as { code?: unknown }).code === 'string' && 'cadence' in value;
}
