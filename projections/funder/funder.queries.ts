import { NotFoundError, parisDate, type Clock } from '../../libs/domain/src';
import type { SqlExecutor } from '../core/sql.port';
import { computeConsumption, type Consumption } from './consumption.calculator';
import type { Convention } from './convention.events';
import type { NaturalKey } from './convention.commands';
import type { ConventionRow } from './funder.projection';
import { computeDashboard, type MonthlyDashboard } from './dashboard.calculator';
import type { FunderFacts } from './funder-facts.reducer';
import { FUNDER_CONVENTIONS_TABLE, FUNDER_TRAJECTORIES_TABLE } from './funder.tables';
import { computeYearlyReport, type YearlyReport } from './report.calculator';

export class ConventionNotFound extends NotFoundError {
  constructor(id: string) {
    super('convention-not-found', `No convention ${id}.`);
  }
}

function parse<T>(v: T | string): T {
  return typeof v === 'string' ? (JSON.parse(v) as T) : v;
}

/** The convention as answered: the table's row without its bookkeeping. */
function conventionOf(row: ConventionRow | string): Convention {
  const { position: _p, idempotencyKey: _k, ...convention } = parse(row);
  return { ...convention, copiedFromProgramme: convention.copiedFromProgramme ?? [] };
}

export async function listConventions(db: SqlExecutor, filter: { programme?: string; year?: number } = {}): Promise<Convention[]> {
  const { rows } = await db.query<{ terms: ConventionRow | string }>(
    `SELECT terms FROM ${FUNDER_CONVENTIONS_TABLE}
      WHERE ($1::text IS NULL OR programme_code = $1) AND ($2::integer IS NULL OR year = $2)
      ORDER BY year DESC, programme_code, funder, id`,
    [filter.programme ?? null, filter.year ?? null],
  );
  return rows.map((r) => conventionOf(r.terms));
}

export async function findConvention(db: SqlExecutor, id: string): Promise<Convention | undefined> {
  const { rows } = await db.query<{ terms: ConventionRow | string }>(`SELECT terms FROM ${FUNDER_CONVENTIONS_TABLE} WHERE id = $1`, [id]);
  return rows[0] ? conventionOf(rows[0].terms) : undefined;
}

export async function findConventionByNaturalKey(db: SqlExecutor, key: NaturalKey): Promise<Convention | undefined> {
  const { rows } = await db.query<{ terms: ConventionRow | string }>(
    `SELECT terms FROM ${FUNDER_CONVENTIONS_TABLE} WHERE programme_code = $1 AND year = $2 AND funder = $3 AND code = $4 ORDER BY position LIMIT 1`,
    [key.programme, key.year, key.funder, key.code],
  );
  return rows[0] ? conventionOf(rows[0].terms) : undefined;
}

export async function findConventionByIdempotencyKey(db: SqlExecutor, key: string): Promise<Convention | undefined> {
  const { rows } = await db.query<{ terms: ConventionRow | string }>(`SELECT terms FROM ${FUNDER_CONVENTIONS_TABLE} WHERE idempotency_key = $1 ORDER BY position LIMIT 1`, [key]);
  return rows[0] ? conventionOf(rows[0].terms) : undefined;
}

export async function getConvention(db: SqlExecutor, id: string): Promise<Convention> {
  const c = await findConvention(db, id);
  if (!c) throw new ConventionNotFound(id);
  return c;
}

/**
 * The trajectories a convention pays for: the contract's convention once there is one, else the
 * saisine's (resolved and recorded by receive-saisine), else, for a trajectory received while its
 * programme had no convention, the programme's first convention of the saisine's year in the log.
 * Each trajectory is therefore counted in exactly one convention, and a convention created later
 * never takes trajectories from an earlier one.
 */
export async function factsOfConvention(db: SqlExecutor, convention: Convention): Promise<FunderFacts[]> {
  const { rows: first } = await db.query<{ id: string }>(`SELECT id FROM ${FUNDER_CONVENTIONS_TABLE} WHERE programme_code = $1 AND year = $2 ORDER BY position, id LIMIT 1`, [
    convention.programme,
    convention.year,
  ]);
  const onlyOne = first[0]?.id === convention.id;
  const { rows } = await db.query<{ facts: FunderFacts | string }>(
    `SELECT facts FROM ${FUNDER_TRAJECTORIES_TABLE}
      WHERE contract_convention_id = $1
         OR (contract_convention_id IS NULL AND saisine_convention_id = $1)
         OR ($4::boolean AND contract_convention_id IS NULL AND saisine_convention_id IS NULL AND programme_code = $2 AND saisine_year = $3)
      ORDER BY trajectory_id`,
    [convention.id, convention.programme, convention.year, onlyOne],
  );
  return rows.map((r) => parse(r.facts));
}

export async function conventionConsumption(db: SqlExecutor, clock: Clock, id: string, year?: number): Promise<Consumption> {
  const convention = await getConvention(db, id);
  return computeConsumption(convention, await factsOfConvention(db, convention), year ?? convention.year, parisDate(clock.now()));
}

export async function conventionDashboard(db: SqlExecutor, clock: Clock, id: string, month?: string): Promise<MonthlyDashboard> {
  const convention = await getConvention(db, id);
  const today = parisDate(clock.now());
  return computeDashboard(convention, await factsOfConvention(db, convention), month ?? today.slice(0, 7), today);
}

export async function conventionReport(db: SqlExecutor, clock: Clock, id: string, year?: number): Promise<YearlyReport> {
  const convention = await getConvention(db, id);
  return computeYearlyReport(convention, await factsOfConvention(db, convention), year ?? convention.year, parisDate(clock.now()));
}
