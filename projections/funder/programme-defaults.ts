import type { ProgrammeRegistry } from '../../workflows/programmes/src';
import { pricesFromProgramme } from './convention-stored-terms';
import type { ProgrammeDefaults } from './convention.validator';
import { toCents } from './money';

/**
 * A programme's money defaults (EUR in its JSON file) as a convention copies them, in cents. They
 * are copied once, when the convention is created: the figures read only the convention's terms,
 * so a programme file and a convention can no longer silently disagree.
 */
export function programmeDefaultsOf(programmes: Pick<ProgrammeRegistry, 'get'>): ProgrammeDefaults {
  return (code) => {
    const p = programmes.get(code);
    if (!p) return undefined;
    return {
      ...(p.pricing ? { prices: pricesFromProgramme(p.pricing) } : {}),
      ...(p.yearlyCap !== undefined ? { yearlyCapCents: toCents(p.yearlyCap) } : {}),
      ...(p.funderShares ? { funderShares: p.funderShares.map((s) => ({ funder: s.funder, share: s.share })) } : {}),
      ...(p.plannedVolumes ? { plannedVolumes: { ...p.plannedVolumes } } : {}),
    };
  };
}
