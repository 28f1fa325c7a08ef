import type { PointParty } from '../../workflows/trajectory/src/vocabulary/trajectory-terms';
import { trajectoryDeadlines } from '../../workflows/trajectory/src/deadlines';
import type { SqlExecutor } from '../core/sql.port';
import type { PartnerFacts, ShareFacts, SubmissionFacts } from './partner-facts.reducer';
import { PARTNERS_TABLE } from './partners.tables';

const ids = (values: readonly string[]) => JSON.stringify([...new Set(values)]);
const IN_IDS = `(SELECT jsonb_array_elements_text($1::jsonb))`;

interface Row {
  trajectory_id: string;
  stage: string;
  opened_on: string;
  state: PartnerFacts | string;
}

const stateOf = (r: Row): PartnerFacts => (typeof r.state === 'string' ? (JSON.parse(r.state) as PartnerFacts) : r.state);
const statusOf = (stage: string): 'active' | 'done' => (stage === 'closed' ? 'done' : 'active');

/** A saisine as its prescriber reads it: nothing but what it sent and where it stands. */
export interface SaisineItem {
  id: string;
  receivedOn: string;
  stage: string;
  status: 'active' | 'done';
}

/** The saisines the caller's `prescriber:<id>` scopes sent, newest first. */
export async function saisinesOf(db: SqlExecutor, prescriberIds: readonly string[]): Promise<SaisineItem[]> {
  if (prescriberIds.length === 0) return [];
  const { rows } = await db.query<Omit<Row, 'state'>>(
    `SELECT trajectory_id, stage, opened_on::text AS opened_on FROM ${PARTNERS_TABLE} WHERE prescriber_id IN ${IN_IDS} ORDER BY opened_on DESC, trajectory_id`,
    [ids(prescriberIds)],
  );
  return rows.map((r) => ({ id: r.trajectory_id, receivedOn: r.opened_on, stage: r.stage, status: statusOf(r.stage) }));
}

/** A submission as its validator reads it: the programme's submission form and the decisions, nothing personal. */
export interface ValidationItem {
  trajectoryId: string;
  programme: string;
  validatorId: string;
  stage: string;
  status: 'awaiting' | 'validated' | 'rejected';
  submittedOn: string;
  submission: SubmissionFacts['submission'];
  /** The validation deadline (programme setting), from the one deadline function, while the submission awaits. */
  dueOn?: string;
  /** Earlier submissions of the same trajectory and what was decided on them. */
  history: SubmissionFacts[];
}

export interface ValidationRow {
  item: ValidationItem;
  facts: PartnerFacts;
}

/** Submissions addressed to these validators (every one when `validatorIds` is 'all'), awaiting first, oldest first. */
export async function validationsOf(db: SqlExecutor, validatorIds: readonly string[] | 'all'): Promise<ValidationRow[]> {
  if (validatorIds !== 'all' && validatorIds.length === 0) return [];
  const { rows } = await db.query<Row>(
    validatorIds === 'all'
      ? `SELECT trajectory_id, stage, opened_on::text AS opened_on, state FROM ${PARTNERS_TABLE} WHERE validator_id IS NOT NULL ORDER BY trajectory_id`
      : `SELECT trajectory_id, stage, opened_on::text AS opened_on, state FROM ${PARTNERS_TABLE} WHERE validator_id IN ${IN_IDS} ORDER BY trajectory_id`,
    validatorIds === 'all' ? [] : [ids(validatorIds)],
  );
  const items = rows.map((r): ValidationRow => {
    const facts = stateOf(r);
    const last = facts.submissions[facts.submissions.length - 1];
    const due = trajectoryDeadlines(facts.facts).find((d) => d.kind === 'validation');
    return {
      facts,
      item: {
        trajectoryId: r.trajectory_id,
        programme: facts.facts.programmeCode,
        validatorId: facts.validatorId ?? '',
        stage: r.stage,
        status: last.decision?.status ?? 'awaiting',
        submittedOn: last.submittedOn,
        submission: last.submission,
        ...(due && !last.decision ? { dueOn: due.dueOn } : {}),
        history: facts.submissions.slice(0, -1),
      },
    };
  });
  const rank = (s: ValidationItem['status']) => (s === 'awaiting' ? 0 : 1);
  return items.sort((a, b) => rank(a.item.status) - rank(b.item.status) || a.item.submittedOn.localeCompare(b.item.submittedOn) || a.item.trajectoryId.localeCompare(b.item.trajectoryId));
}

export type PartnerRelation = 'landlord' | 'prescriber' | 'relais-partner' | 'recipient';

/** A trajectory as one partner reads it: where it stands, what was shared with it, its meetings. */
export interface PartnerTrajectoryRow {
  trajectoryId: string;
  stage: string;
  status: 'active' | 'done';
  relations: PartnerRelation[];
  /** Shares addressed to the caller only. */
  shared: ShareFacts[];
  /** Meetings the caller's kind of party attended (landlord, prescriber or partner). */
  meetings: PartnerFacts['meetings'];
  /** Its meetings due next: the programme's cadences that count this kind of party, from the one deadline function. */
  upcomingMeetings: { dueOn: string; cadence: string }[];
  facts: PartnerFacts;
}

/** The trajectories where a `partner:<id>` scope is the contract's landlord, the prescriber, the relais partner, or received a share. */
export async function partnerTrajectoriesOf(db: SqlExecutor, partnerIds: readonly string[]): Promise<PartnerTrajectoryRow[]> {
  if (partnerIds.length === 0) return [];
  const mine = new Set(partnerIds);
  const { rows } = await db.query<Row>(
    `SELECT trajectory_id, stage, opened_on::text AS opened_on, state FROM ${PARTNERS_TABLE}
     WHERE landlord_id IN ${IN_IDS} OR relais_partner_id IN ${IN_IDS} OR prescriber_id IN ${IN_IDS}
        OR share_recipients && ARRAY(SELECT jsonb_array_elements_text($1::jsonb))
     ORDER BY opened_on DESC, trajectory_id`,
    [ids(partnerIds)],
  );
  return rows.map((r) => {
    const facts = stateOf(r);
    const relations: PartnerRelation[] = [];
    if (facts.landlordId && mine.has(facts.landlordId)) relations.push('landlord');
    if (facts.facts.prescriber.id && mine.has(facts.facts.prescriber.id)) relations.push('prescriber');
    if (facts.relaisPartnerId && mine.has(facts.relaisPartnerId)) relations.push('relais-partner');
    const shared = facts.shares.filter((s) => mine.has(s.recipient.id));
    if (shared.length && relations.length === 0) relations.push('recipient');
    const parties = new Set<PointParty>();
    if (relations.includes('landlord')) parties.add('landlord');
    if (relations.includes('prescriber')) parties.add('prescriber');
    if (relations.includes('relais-partner')) parties.add('partner');
    return {
      trajectoryId: r.trajectory_id,
      stage: r.stage,
      status: statusOf(r.stage),
      relations,
      shared,
      meetings: facts.meetings.filter((m) => m.parties.some((p) => parties.has(p))),
      upcomingMeetings: upcomingMeetingsOf(facts, parties),
      facts,
    };
  });
}

/** The programme cadences whose parties include one of these, as the deadline function plans them. */
function upcomingMeetingsOf(facts: PartnerFacts, parties: ReadonlySet<PointParty>): { dueOn: string; cadence: string }[] {
  const cadences = new Set((facts.facts.terms.pointCadences ?? []).filter((c) => (c.parties ?? []).some((p) => parties.has(p as PointParty))).map((c) => c.code));
  return trajectoryDeadlines(facts.facts)
    .filter((d) => d.kind === 'point-cadence' && d.code !== null && cadences.has(d.code))
    .map((d) => ({ dueOn: d.dueOn, cadence: d.code as string }));
}
