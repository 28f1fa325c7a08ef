import { escapeControlCharacters } from '../../domain/src';

/**
 * Readers for the settings api, worker and CLI take from the environment. A setting that is set
 * must say something this code understands: `RUN_PROJECTIONS_IN_API=maybe` stops start-up with one
 * line naming the variable and what it takes, instead of quietly meaning the default.
 */
export class ConfigurationError extends Error {
  constructor(message: string) {
    super(message);
    // describeStartupFailure and the worker print a ConfigurationError's message alone, as one line.
    this.name = 'ConfigurationError';
  }
}

type Env = NodeJS.ProcessEnv | Record<string, string | undefined>;

/** Unset or blank: `fallback`. Otherwise `true` or `false` (any case), nothing else. */
export function readBooleanSetting(env: Env, name: string, fallback: boolean): boolean;
export function readBooleanSetting(env: Env, name: string, fallback?: boolean): boolean | undefined;
export function readBooleanSetting(env: Env, name: string, fallback?: boolean): boolean | undefined {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = raw.toLowerCase();
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw new ConfigurationError(`${name} must be true or false, got ${shown(raw)}.`);
}

/** Unset or blank: `fallback`. Otherwise exactly one of `allowed` (case-insensitive). */
export function readEnumSetting<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T;
export function readEnumSetting<T extends string>(env: Env, name: string, allowed: readonly T[], fallback?: T): T | undefined;
export function readEnumSetting<T extends string>(env: Env, name: string, allowed: readonly T[], fallback?: T): T | undefined {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const found = allowed.find((a) => a.toLowerCase() === raw.toLowerCase());
  if (found === undefined) throw new ConfigurationError(`${name} must be one of ${allowed.join(', ')}, got ${shown(raw)}.`);
  return found;
}

/** Quoted, control characters escaped, cut short: the value may be anything. */
function shown(raw: string): string {
  return `"${escapeControlCharacters(raw.length > 40 ? `${raw.slice(0, 40)}…` : raw)}"`;
}
