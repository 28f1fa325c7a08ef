import { BRIQUE_CADENCES, type BriqueDefinition } from './brique';

const CODE = /^[a-z0-9][a-z0-9.-]*$/i;

/**
 * The one way to declare a brique type, for the catalogue and for plugins alike. It checks the
 * definition once, at start-up, and freezes it: the engine and projections rely on nothing else.
 */
export function defineBrique(definition: BriqueDefinition): BriqueDefinition {
  const problems: string[] = [];
  if (typeof definition.code !== 'string' || !CODE.test(definition.code)) problems.push('code must be letters, digits, dots or dashes');
  if (typeof definition.group !== 'string' || definition.group.trim() === '') problems.push('group must be a non-empty string');
  if (typeof definition.title !== 'string' || definition.title.trim() === '') problems.push('title must be a non-empty string');
  if (!BRIQUE_CADENCES.includes(definition.cadence)) problems.push(`cadence must be one of ${BRIQUE_CADENCES.join(', ')}`);
  const schema = definition.dataSchema;
  if (schema !== undefined && typeof schema !== 'function' && (typeof schema !== 'object' || schema === null)) {
    problems.push('dataSchema must be a field descriptor object or a validator function');
  }
  if (problems.length) throw new Error(`Invalid brique ${String(definition.code)}: ${problems.join('; ')}`);
  return Object.freeze({ ...definition });
}
