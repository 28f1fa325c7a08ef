import { parisDate, type Clock } from '../../../../libs/domain/src';
import { isMissingTableError } from '../../../../projections/core/missing-table';
import type { SqlExecutor } from '../../../../projections/core/sql.port';
import { conventionConsumption, listConventions } from '../../../../projections/funder/funder.queries';
import type { ProgrammeRegistry } from '../../../../workflows/programmes/src';
import type { ConventionDirectory, ConventionRef } from '../../../../workflows/trajectory/src/convention-directory';

/** A directory the API refreshes before a command that reads it (the workflow reads it synchronously). */
export interface RefreshableConventionDirectory extends ConventionDirectory {
  /** `withCap`: also compute whether each cap is reached (only draft-contract reads it; it costs a consumption per convention). */
  refresh(options?: { withCap?: boolean }): Promise<void>;
}

/** No conventions known (an app without read models): saisines open without one, contracts name theirs by id. */
export const NO_CONVENTIONS: RefreshableConventionDirectory = { ofProgramme: () => [], refresh: async () => undefined };

/**
 * The conventions of the funder read model, as receive-saisine, draft-contract and choose-scale see
 * them. POST /conventions waits until the read model shows a new convention, so a saisine sent
 * right after finds it. Whether a cap is reached is computed only when asked (draft-contract) and
 * only for programmes whose capPolicy is 'refuse' (the only ones whose commands read it).
 */
export class SqlConventionDirectory implements RefreshableConventionDirectory {
  private byProgramme = new Map<string, ConventionRef[]>();

  constructor(
    private readonly db: SqlExecutor,
    private readonly programmes: ProgrammeRegistry,
    private readonly clock: Clock,
  ) {}

  ofProgramme(programme: string): readonly ConventionRef[] {
    return this.byProgramme.get(programme) ?? [];
  }

  async refresh(options: { withCap?: boolean } = {}): Promise<void> {
    // No funder read model yet (PostgreSQL before the worker's first start): no convention is known,
    // so a saisine opens without one, as under a programme that has none (the figures' fallback).
    const conventions = await listConventions(this.db).catch((error: unknown) => {
      if (isMissingTableError(error)) return [];
      throw error;
    });
    const today = parisDate(this.clock.now());
    const next = new Map<string, ConventionRef[]>();
    for (const c of conventions) {
      const refuses = options.withCap === true && this.programmes.get(c.programme)?.capPolicy === 'refuse';
      const capReached = refuses && Number(today.slice(0, 4)) === c.year ? (await conventionConsumption(this.db, this.clock, c.id, c.year)).totalCents >= c.yearlyCapCents : false;
      const ref: ConventionRef = { id: c.id, code: c.code, programme: c.programme, year: c.year, scales: (c.prices.perMeasure ?? []).map((s) => s.code), capReached };
      next.set(c.programme, [...(next.get(c.programme) ?? []), ref]);
    }
    this.byProgramme = next;
  }
}
