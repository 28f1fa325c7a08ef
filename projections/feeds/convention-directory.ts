/**
 * What the feed needs to know about conventions: which funders share one, and which conventions a
 * programme has in a year. The projection fills it from the conventions table at each batch; tests
 * build it from a list.
 */
export interface ConventionInfo {
  id: string;
  programme: string;
  year: number;
  /** Every funder with a share in the convention: each gets the convention's records in its own feed. */
  funderIds: string[];
}

export interface ConventionDirectory {
  byId(conventionId: string): ConventionInfo | undefined;
  forProgramme(programme: string, year: number): ConventionInfo[];
}

export class ListConventionDirectory implements ConventionDirectory {
  private readonly index = new Map<string, ConventionInfo>();

  constructor(conventions: readonly ConventionInfo[] = []) {
    for (const c of conventions) this.add(c);
  }

  add(c: ConventionInfo): void {
    this.index.set(c.id, { ...c, funderIds: [...new Set(c.funderIds)].sort() });
  }

  byId(conventionId: string): ConventionInfo | undefined {
    return this.index.get(conventionId);
  }

  forProgramme(programme: string, year: number): ConventionInfo[] {
    return [...this.index.values()].filter((c) => c.programme === programme && c.year === year);
  }
}
