import { createHash } from 'node:crypto';
import { ListConventionDirectory, type ConventionInfo } from './convention-directory';
import type { ConventionSource } from './feed.projection';

/** Conventions given in code or configuration (tests, and deployments without a conventions table). */
export function staticConventionSource(conventions: readonly ConventionInfo[]): ConventionSource {
  const directory = new ListConventionDirectory(conventions);
  const canonical = JSON.stringify(
    [...conventions].sort((a, b) => a.id.localeCompare(b.id)).map((c) => [c.id, c.programme, c.year, [...c.funderIds].sort()]),
  );
  return {
    version: createHash('sha256').update(canonical).digest('hex').slice(0, 12),
    load: async () => directory,
  };
}
