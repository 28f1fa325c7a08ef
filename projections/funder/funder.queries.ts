import { NotFoundError, parisDate, type Clock } from '../../libs/domain/src';
import type { SqlExecutor } from '../core/sql.port';
import { computeConsumption, type Consumption } from './consumption.calculator';
import { fromStoredConvention } from './convention-stored-terms';
import type { Convention, StoredConvention } from './convention.events';
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

export async function listConventions(db: SqlExecutor, filter: { programme?: string; year?: number } = {}): Promise<Convention[]> {
  const { rows } = await db.query<{ terms: StoredConvention | string }>(
    `SELECT terms FROM ${FUNDER_CONVENTIONS_TABLE}
      WHERE ($1::text IS NULL OR programme_code = $1) AND ($2::integer IS NULL OR year = $2)
      ORDER BY year DESC, programme_code, funder, id`,
    [filter.programme ?? null, filter.year ?? null],
  );
  return rows.map((r) => fromStoredConvention(parse(r.terms)));
}

export async function findConvention(db: SqlExecutor, id: string): Promise<Convention | undefined> {
  const { rows } = await db.query<{ terms: StoredConvention | string }>(`SELECT terms FROM ${FUNDER_CONVENTIONS_TABLE} WHERE id = $1`, [id]);
  return rows[0] ? fromStoredConvention(parse(rows[0].terms)) : undefined;
}

export async function getConvention(db: SqlExecutor, id: string): Promise<Convention> {
  const c = await findConvention(db, id);
  if (!c) throw new ConventionNotFound(id);
  return c;
}

/**
 * The trajectories a convention pays for, with the same rule as the funder feeds: the contract's
 * convention once there is one, else the saisine's, else the programme's only convention for the
 * saisine's year.
 */
export async function factsOfConvention(db: SqlExecutor, convention: Convention): Promise<FunderFacts[]> {
  const { rows: siblings } = await db.query<{ n: string }>(`SELECT count(*) AS n FROM ${FUNDER_CONVENTIONS_TABLE} WHERE programme_code = $1 AND year = $2`, [
    convention.programme,
    convention.year,
  ]);
  const onlyOne = Number(siblings[0].n) === 1;
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
