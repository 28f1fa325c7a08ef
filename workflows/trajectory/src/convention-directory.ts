/**
 * The conventions a trajectory may be paid by, as the trajectory's commands see them: which ones
 * exist under a programme (code, year, scales) and whether a yearly cap is reached. The workflow
 * only reads it (no store, no SQL): the API fills it from the funder read model before it runs
 * receive-saisine, draft-contract or choose-scale.
 */
export interface ConventionRef {
  id: string;
  /** Unique within its programme and year; what a landlord's saisine or a contract may name. */
  code: string;
  programme: string;
  year: number;
  /** Barème codes, in the convention's order (empty when it prices no measure). */
  scales: readonly string[];
  /** The consumption of its year has reached its cap (what capPolicy 'refuse' reads). */
  capReached: boolean;
}

/** The commands whose decision reads the directory: the API refreshes it before running them. */
export const CONVENTION_READING_COMMANDS: readonly string[] = ['receive-saisine', 'draft-contract', 'choose-scale'];

export interface ConventionDirectory {
  /** Every convention of the programme, any year. */
  ofProgramme(programme: string): readonly ConventionRef[];
}

export type ConventionChoice = { ok: true; convention: ConventionRef | undefined } | { ok: false; field: string; reason: string; code: string };

/**
 * domain §5 and issue 17 §4: the convention a trajectory is counted in, resolved once at the
 * saisine and kept. The saisine names it (id or code), else the programme's only convention of the
 * saisine's year; several and none named is refused (ambiguous); none at all leaves it to the
 * contract. A named id is checked once the programme has conventions; before, it is kept as given.
 */
export function resolveConvention(
  directory: ConventionDirectory | undefined,
  programme: string,
  year: number,
  named: { conventionId?: string; conventionCode?: string },
  options: { required?: boolean } = {},
): ConventionChoice {
  const all = directory?.ofProgramme(programme) ?? [];
  if (named.conventionId !== undefined) {
    const found = all.find((c) => c.id === named.conventionId);
    // An id under a programme with no convention known yet is kept as given (the convention may be
    // created later and then counts it); once the programme has conventions, an unknown id is a typo.
    if (!found && all.length === 0 && named.conventionCode === undefined) return { ok: true, convention: { id: named.conventionId, code: named.conventionId, programme, year, scales: [], capReached: false } };
    if (!found) return { ok: false, field: 'conventionId', reason: `is not a convention of programme ${programme}`, code: 'unknown-convention' };
    if (named.conventionCode !== undefined && found.code !== named.conventionCode) {
      return { ok: false, field: 'conventionCode', reason: `names another convention than conventionId (${found.code})`, code: 'unknown-convention' };
    }
    return { ok: true, convention: found };
  }
  if (named.conventionCode !== undefined) {
    const withCode = all.filter((c) => c.code === named.conventionCode);
    const found = withCode.length === 1 ? withCode[0] : withCode.find((c) => c.year === year);
    if (!found) return { ok: false, field: 'conventionCode', reason: `is not a convention of programme ${programme}${withCode.length > 1 ? ` for ${year}` : ''}`, code: 'unknown-convention' };
    return { ok: true, convention: found };
  }
  const open = all.filter((c) => c.year === year);
  if (open.length === 1) return { ok: true, convention: open[0] };
  if (open.length > 1) {
    const codes = open.map((c) => c.code).sort();
    return { ok: false, field: 'conventionCode', reason: `is required: programme ${programme} has ${open.length} conventions for ${year} (${codes.join(', ')})`, code: 'convention-ambiguous' };
  }
  if (options.required) return { ok: false, field: 'conventionId', reason: 'is required: the contract must name the convention that funds it', code: 'convention-required' };
  return { ok: true, convention: undefined };
}

/** Why `scale` is not a barème of the convention (undefined when it is, or when the programme has no convention known to check it against). */
export function checkScale(directory: ConventionDirectory | undefined, programme: string, conventionId: string, scale: string): string | undefined {
  const all = directory?.ofProgramme(programme) ?? [];
  const convention = all.find((c) => c.id === conventionId);
  if (!convention) return all.length === 0 ? undefined : `cannot be checked: the convention ${conventionId} is unknown`;
  if (!convention.scales.includes(scale)) {
    return convention.scales.length ? `is not a barème of convention ${convention.code} (${convention.scales.join(', ')})` : `is not a barème: convention ${convention.code} prices no measure`;
  }
  return undefined;
}
