import { parisDate, type CalendarDate, type Clock } from '../../libs/domain/src';
import type { SqlExecutor } from '../core/sql.port';
import { DUE_SOON_DAYS, type DeadlineKind, type DeadlineStatus } from '../deadlines/deadlines.calculator';
import { CASELOAD_COUNTS_TABLE, CASELOAD_TABLE } from './caseload.tables';

export interface CaseloadFilter {
  referent?: string;
  stage?: string;
  programme?: string;
  convention?: string;
  /** The prescriber's id or name (an organisation). */
  prescriber?: string;
  prescriberKind?: string;
  /** Closed trajectories are left out unless asked for (or stage=closed). */
  includeClosed?: boolean;
  /** Decide the next deadline's status against this Paris date instead of today, from the events recorded so far. */
  asOf?: CalendarDate;
  /** Only the trajectories whose next deadline has this status (against today or asOf). */
  status?: DeadlineStatus;
  limit?: number;
  offset?: number;
}

export interface CaseloadItem {
  trajectoryId: string;
  stage: string;
  stageSince: string;
  openedOn: string;
  referentId: string | null;
  programme: string;
  conventionId: string | null;
  prescriber: { kind: string; name: string; id: string | null };
  suspended: boolean;
  nextDeadline: { kind: DeadlineKind; dueOn: string; status: DeadlineStatus; briqueCode: string | null } | null;
}

export interface CaseloadPage {
  /** The Paris date the statuses were decided against: today, or the asOf date. */
  today: string;
  /** Present when asked for with asOf. */
  asOf?: string;
  total: number;
  limit: number;
  offset: number;
  items: CaseloadItem[];
  /** Facet counts: per stage under every filter but the stage, per referent under every filter but the referent. */
  counts: { byStage: Record<string, number>; byReferent: { referentId: string | null; count: number }[] };
}

export const MAX_CASELOAD_PAGE = 500;

interface Row {
  trajectory_id: string;
  stage: string;
  stage_since: string;
  opened_on: string;
  referent_id: string | null;
  programme_code: string;
  convention_id: string | null;
  prescriber_kind: string;
  prescriber_name: string;
  prescriber_id: string | null;
  suspended: boolean;
  next_deadline_kind: DeadlineKind | null;
  next_deadline_on: string | null;
  next_deadline_brique: string | null;
  status: DeadlineStatus | null;
}

type Facet = 'stage' | 'referent';

/** The next deadline's status as a range of due dates around `today` (the page's CASE, as a condition the index can use). */
function statusCondition(status: DeadlineStatus, today: string): string {
  if (status === 'overdue') return `next_deadline_on < ${today}::date`;
  if (status === 'due-soon') return `next_deadline_on >= ${today}::date AND next_deadline_on <= ${today}::date + ${DUE_SOON_DAYS}`;
  return `next_deadline_on > ${today}::date + ${DUE_SOON_DAYS}`;
}

function conditions(filter: CaseloadFilter, params: unknown[], without?: Facet, today?: CalendarDate): string {
  const where: string[] = [];
  const param = (v: unknown): string => {
    params.push(v);
    return `$${params.length}`;
  };
  if (filter.stage && without !== 'stage') where.push(`stage = ${param(filter.stage)}`);
  else if (!filter.includeClosed && filter.stage !== 'closed') where.push(`stage <> 'closed'`);
  if (filter.referent && without !== 'referent') where.push(`referent_id = ${param(filter.referent)}`);
  if (filter.programme) where.push(`programme_code = ${param(filter.programme)}`);
  if (filter.convention) where.push(`convention_id = ${param(filter.convention)}`);
  if (filter.prescriber) {
    const p = param(filter.prescriber);
    where.push(`(prescriber_id = ${p} OR prescriber_name = ${p})`);
  }
  if (filter.prescriberKind) where.push(`prescriber_kind = ${param(filter.prescriberKind)}`);
  if (filter.status && today) where.push(statusCondition(filter.status, param(today)));
  return where.length ? `WHERE ${where.join(' AND ')}` : '';
}

/** The page ordered by next due date (what needs attention first), then id for a stable order. */
export async function queryCaseload(db: SqlExecutor, clock: Clock, filter: CaseloadFilter = {}): Promise<CaseloadPage> {
  const today = filter.asOf ?? parisDate(clock.now());
  const limit = Math.min(Math.max(filter.limit ?? 50, 1), MAX_CASELOAD_PAGE);
  const offset = Math.max(filter.offset ?? 0, 0);

  const pageParams: unknown[] = [today];
  const where = conditions(filter, pageParams, undefined, today);
  pageParams.push(limit, offset);
  // The ORDER BY names the table's columns (c.): the text aliases of the select list would sort as text, without the index.
  const page = db.query<Row>(
    `SELECT trajectory_id, stage, stage_since::text AS stage_since, opened_on::text AS opened_on, referent_id, programme_code,
            convention_id, prescriber_kind, prescriber_name, prescriber_id, suspended, next_deadline_kind,
            next_deadline_on::text AS next_deadline_on, next_deadline_brique,
            CASE WHEN next_deadline_on IS NULL THEN NULL WHEN next_deadline_on < $1::date THEN 'overdue'
                 WHEN next_deadline_on <= $1::date + ${DUE_SOON_DAYS} THEN 'due-soon' ELSE 'upcoming' END AS status
       FROM ${CASELOAD_TABLE} c ${where}
      ORDER BY c.next_deadline_on NULLS LAST, c.trajectory_id
      LIMIT $${pageParams.length - 1} OFFSET $${pageParams.length}`,
    pageParams,
  );
  // Facet counts. Filtered by stage and referent only (the usual screens), they come from the
  // counts the projection keeps per (stage, referent): a few dozen rows whatever the caseload's
  // size. Any other filter counts the trajectories themselves, in one GROUPING SETS scan when both
  // facets share their filters.
  const fromCounts = !filter.programme && !filter.convention && !filter.prescriber && !filter.prescriberKind && !filter.status;
  const source = fromCounts
    ? { table: CASELOAD_COUNTS_TABLE, n: 'sum(n)', referent: "NULLIF(referent_id, '')" }
    : { table: CASELOAD_TABLE, n: 'count(*)', referent: 'referent_id' };
  const stageParams: unknown[] = [];
  const stageWhere = conditions(filter, stageParams, 'stage', today);
  const referentParams: unknown[] = [];
  const referentWhere = conditions(filter, referentParams, 'referent', today);
  const facets =
    stageWhere === referentWhere
      ? db
          .query<{ stage: string | null; referent_id: string | null; by_stage: number; n: string }>(
            `SELECT stage, ${source.referent} AS referent_id, GROUPING(stage) AS by_stage, ${source.n} AS n FROM ${source.table} ${stageWhere}
              GROUP BY GROUPING SETS ((stage), (referent_id))`,
            stageParams,
          )
          .then(({ rows }) => ({
            stages: rows.filter((r) => Number(r.by_stage) === 0).map((r) => ({ stage: r.stage as string, n: r.n })),
            referents: rows.filter((r) => Number(r.by_stage) === 1).map((r) => ({ referent_id: r.referent_id, n: r.n })),
          }))
      : Promise.all([
          db.query<{ stage: string; n: string }>(`SELECT stage, ${source.n} AS n FROM ${source.table} ${stageWhere} GROUP BY stage`, stageParams),
          db.query<{ referent_id: string | null; n: string }>(
            `SELECT ${source.referent} AS referent_id, ${source.n} AS n FROM ${source.table} ${referentWhere} GROUP BY referent_id`,
            referentParams,
          ),
        ]).then(([st, r]) => ({ stages: st.rows, referents: r.rows }));
  const [pageRows, counts] = await Promise.all([page, facets]);
  const stageCounts = Object.fromEntries(counts.stages.map((r) => [r.stage, Number(r.n)]));
  // Every filter but the stage is also every filter the page has, when no stage was asked for.
  const total = filter.stage
    ? (stageCounts[filter.stage] ?? 0)
    : Object.entries(stageCounts).reduce((s, [stage, n]) => s + (filter.includeClosed || stage !== 'closed' ? n : 0), 0);
  return {
    today,
    ...(filter.asOf ? { asOf: filter.asOf } : {}),
    total,
    limit,
    offset,
    items: pageRows.rows.map((r) => ({
      trajectoryId: r.trajectory_id,
      stage: r.stage,
      stageSince: r.stage_since,
      openedOn: r.opened_on,
      referentId: r.referent_id,
      programme: r.programme_code,
      conventionId: r.convention_id,
      prescriber: { kind: r.prescriber_kind, name: r.prescriber_name, id: r.prescriber_id },
      suspended: r.suspended,
      nextDeadline:
        r.next_deadline_kind && r.next_deadline_on && r.status
          ? { kind: r.next_deadline_kind, dueOn: r.next_deadline_on, status: r.status, briqueCode: r.next_deadline_brique }
          : null,
    })),
    counts: {
      byStage: stageCounts,
      byReferent: counts.referents
        .map((r) => ({ referentId: r.referent_id, count: Number(r.n) }))
        .sort((a, b) => b.count - a.count || (a.referentId === null ? 1 : b.referentId === null ? -1 : a.referentId < b.referentId ? -1 : a.referentId > b.referentId ? 1 : 0)),
    },
  };
}
