import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

export interface ComposeService {
  image?: string;
  build?: { context: string; dockerfile?: string };
  command?: string[];
  environment?: Record<string, string | number | boolean | null>;
  volumes?: string[];
  profiles?: string[];
  depends_on?: Record<string, { condition?: string; required?: boolean }>;
}

export interface ComposeFile {
  text: string;
  /** The comment lines before the first key, without their '#'. */
  header: string;
  services: Record<string, ComposeService>;
  volumes: Record<string, unknown>;
}

export function readComposeFile(path: string): ComposeFile {
  const text = readFileSync(path, 'utf8');
  // `<<: *app` merge keys, as Compose reads them.
  const doc = parse(text, { merge: true }) as { services: Record<string, ComposeService>; volumes?: Record<string, unknown> };
  const header = text
    .split('\n')
    .filter((_, i, lines) => lines.slice(0, i + 1).every((l) => l.startsWith('#') || l.trim() === ''))
    .map((l) => l.replace(/^#\s?/, ''))
    .join('\n');
  return { text, header, services: doc.services, volumes: doc.volumes ?? {} };
}

export class MissingVariable extends Error {
  constructor(
    readonly variable: string,
    readonly hint: string,
  ) {
    super(`${variable}: ${hint}`);
  }
}

/**
 * Compose's interpolation of one value: $$, $VAR, ${VAR}, ${VAR:-default}, ${VAR-default},
 * ${VAR:?message}, ${VAR?message} (the forms this file may use). A required variable that is
 * missing throws MissingVariable, as `docker compose` stops with its message.
 */
export function interpolate(value: string, vars: Record<string, string | undefined>): string {
  return value.replace(/\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?)([-?])([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (whole, name, colon, op, arg, bare) => {
    if (whole === '$$') return '$';
    if (bare) return vars[bare] ?? '';
    const v = vars[name];
    const missing = colon ? v === undefined || v === '' : v === undefined;
    if (op === '-') return missing ? arg : (v as string);
    if (op === '?') {
      if (missing) throw new MissingVariable(name, arg);
      return v as string;
    }
    return v ?? '';
  });
}

/** Every variable the file interpolates, and those it requires (${VAR:?...}). */
export function interpolatedVariables(text: string): { all: Set<string>; required: Set<string> } {
  const body = text
    .split('\n')
    .filter((l) => !l.trimStart().startsWith('#'))
    .join('\n');
  const all = new Set<string>();
  const required = new Set<string>();
  for (const m of body.matchAll(/\$\{([A-Za-z_][A-Za-z0-9_]*)(:?[-?])?/g)) {
    all.add(m[1]);
    if (m[2]?.endsWith('?')) required.add(m[1]);
  }
  return { all, required };
}

/** The environment a service's process gets: the image's ENV, then the service's own, interpolated. */
export function serviceEnvironment(service: ComposeService, imageEnv: Record<string, string>, vars: Record<string, string | undefined>): Record<string, string> {
  const env: Record<string, string> = { ...imageEnv };
  for (const [key, raw] of Object.entries(service.environment ?? {})) env[key] = raw === null ? '' : interpolate(String(raw), vars);
  return env;
}

/** A volume entry's target directory ("name:/path[:ro]"). */
export function volumeTarget(entry: string): string {
  return entry.split(':')[1];
}
