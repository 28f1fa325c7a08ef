import { parisDate, type CalendarDate, type Clock } from '../../libs/domain/src';
import type { SqlExecutor } from '../core/sql.port';
import { DUE_SOON_DAYS, type DeadlineKind, type DeadlineStatus } from './deadlines.calculator';
import { DEADLINES_COUNTS_TABLE, DEADLINES_TABLE } from './deadlines.tables';

export interface DeadlinesFilter {
  status?: DeadlineStatus;
  kind?: DeadlineKind;
  /** The owner (referent) id. */
  referent?: string;
  programme?: string;
  convention?: string;
  trajectory?: string;
  /** Decide the statuses against this Paris date instead of today ("what was overdue on 20 April?"), from the events recorded so far. */
  asOf?: CalendarDate;
  limit?: number;
  offset?: number;
}

export interface DeadlineItem {
  trajectoryId: string;
  kind: DeadlineKind;
  briqueCode: string | null;
  /** For 'point-cadence' and 'milestone': the programme's code of it. */
  code: string | null;
  ownerId: string | null;
  dueOn: string;
  status: DeadlineStatus;
  stage: string;
  programme: string;
  conventionId: string | null;
}

export interface DeadlinesPage {
  /** The Paris date the statuses were decided against: today, or the asOf date. */
  today: string;
  /** Present when asked for with asOf. */
  asOf?: string;
  total: number;
  limit: number;
  offset: number;
  items: DeadlineItem[];
}

export const MAX_PAGE = 500;

interface Row {
  trajectory_id: string;
  kind: DeadlineKind;
  brique_code: string;
  code: string;
  owner_id: string | null;
  due_on: string;
  status: DeadlineStatus;
  stage: string;
  programme_code: string;
  convention_id: string | null;
  /** The total, when the page's statement computed it. */
  total?: string | number;
}

/**
 * Status is computed in SQL from today's Paris date passed as a parameter (the injected clock),
 * and a status filter becomes a range on due_on so the (…, due_on) indexes serve it.
 */
export async function queryDeadlines(db: SqlExecutor, clock: Clock, filter: DeadlinesFilter = {}): Promise<DeadlinesPage> {
  const today = filter.asOf ?? parisDate(clock.now());
  const params: unknown[] = [today];
  // $1 (today) is referenced even without a status filter: the count query shares the parameters.
  const where: ((table: string) => string)[] = [() => '$1::date IS NOT NULL'];
  const param = (v: unknown): string => {
    params.push(v);
    return `$${params.length}`;
  };
  if (filter.status === 'overdue') where.push((t) => `${t}.due_on < $1::date`);
  if (filter.status === 'due-soon') where.push((t) => `${t}.due_on >= $1::date AND ${t}.due_on <= $1::date + ${DUE_SOON_DAYS}`);
  if (filter.status === 'upcoming') where.push((t) => `${t}.due_on > $1::date + ${DUE_SOON_DAYS}`);
  const column = (name: string, value: string | undefined) => {
    if (!value) return;
    const placeholder = param(value);
    where.push((t) => `${t}.${name} = ${placeholder}`);
  };
  column('kind', filter.kind);
  column('owner_id', filter.referent);
  column('programme_code', filter.programme);
  column('convention_id', filter.convention);
  column('trajectory_id', filter.trajectory);
  const whereOf = (table: string) => `WHERE ${where.map((condition) => condition(table)).join(' AND ')}`;
  const limit = Math.min(Math.max(filter.limit ?? 50, 1), MAX_PAGE);
  const offset = Math.max(filter.offset ?? 0, 0);

  // Filtered by status and kind at most, the total is the sum of the per-day counts, answered with
  // the page in the same statement; a referent's, a programme's or a trajectory's rows are few enough
  // (or indexed) to count directly, and that count is skipped when the page shows everything there is.
  const byDayAndKind = !filter.referent && !filter.programme && !filter.convention && !filter.trajectory;
  const countSql = byDayAndKind
    ? `SELECT coalesce(sum(c.n), 0) AS n FROM ${DEADLINES_COUNTS_TABLE} c ${whereOf('c')}`
    : `SELECT count(*) AS n FROM ${DEADLINES_TABLE} d ${whereOf('d')}`;
  const countParams = [...params];
  // The ORDER BY names the table's columns (d.): the text alias due_on would sort as text, without the index.
  const { rows } = await db.query<Row>(
    `SELECT trajectory_id, kind, brique_code, code, owner_id, due_on::text AS due_on, stage, programme_code, convention_id,
            CASE WHEN due_on < $1::date THEN 'overdue' WHEN due_on <= $1::date + ${DUE_SOON_DAYS} THEN 'due-soon' ELSE 'upcoming' END AS status
            ${byDayAndKind ? `, (${countSql}) AS total` : ''}
       FROM ${DEADLINES_TABLE} d ${whereOf('d')}
      ORDER BY d.due_on, d.trajectory_id, d.kind, d.brique_code, d.code
      LIMIT ${param(limit)} OFFSET ${param(offset)}`,
    params,
  );
  const total =
    byDayAndKind && rows.length > 0
      ? Number(rows[0].total)
      : offset === 0 && rows.length < limit
        ? rows.length
        : Number((await db.query<{ n: string }>(countSql, countParams)).rows[0].n);
  return {
    today,
    ...(filter.asOf ? { asOf: filter.asOf } : {}),
    total,
    limit,
    offset,
    items: rows.map((r) => ({
      trajectoryId: r.trajectory_id,
      kind: r.kind,
      briqueCode: r.brique_code || null,
      code: r.code || null,
      ownerId: r.owner_id,
      dueOn: r.due_on,
      status: r.status,
      stage: r.stage,
      programme: r.programme_code,
      conventionId: r.convention_id,
    })),
  };
}
