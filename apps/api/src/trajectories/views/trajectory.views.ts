import type { ChainBreak, StreamVerification } from '../../../../../libs/event-store/src/event-store.port';
import type { CommandOffer, RecordedEvent, RunResult } from '../../../../../workflows/engine/src';
import {
  type Deadline,
  type DeadlineStatus,
  deadlineStatus,
  monthMeasures,
  monthMeasureSettingOf,
  trajectoryDeadlines,
  trajectorySchedule,
  type TrajectoryContext,
  type TrajectoryFacts,
  type TrajectorySnapshot,
} from '../../../../../workflows/trajectory/src';
import type { Catalogue } from '../catalogue';

/** An event as clients read it: the envelope fields that mean something to them, and the data. */
export interface EventView {
  id: string;
  type: string;
  version: number;
  schemaVersion: number;
  occurredAt?: string;
  recordedAt: string;
  actor?: { id: string; role: string };
  correlationId?: string;
  data: unknown;
}

export interface CommandResultView {
  trajectoryId: string;
  stage: string;
  status: 'active' | 'done';
  version: number;
  events: EventView[];
  allowedCommands: string[];
}

export interface DeadlineView extends Deadline {
  status: DeadlineStatus;
  /** For 'point-cadence' and 'milestone': its title in the trajectory's programme terms. */
  title?: string;
}

/**
 * The stream's hash chain, checked on the events just read and folded: 'ok', or the first event
 * whose stored content is not what was recorded (it and everything after it cannot be trusted).
 */
export interface IntegrityView {
  status: 'ok' | 'broken';
  eventsChecked: number;
  firstBroken?: { version: number; id: string; reason: ChainBreak };
}

export function integrityView(verification: StreamVerification): IntegrityView {
  const broken = verification.firstBroken;
  return {
    status: verification.ok ? 'ok' : 'broken',
    eventsChecked: verification.eventsChecked,
    ...(broken ? { firstBroken: { version: broken.version, id: broken.id, reason: broken.reason ?? 'hash-mismatch' } } : {}),
  };
}

/** The trajectory now: stage, who, what runs, what is due, what can be done. Categorical data only. */
export interface TrajectoryView {
  id: string;
  version: number;
  stage: string;
  /** The state inside the stage (contract: drafting, awaitingValidation, validated; briques: active, suspended). */
  subState?: string;
  status: 'active' | 'done';
  workflowVersion: number;
  openedOn?: string;
  referent: { id: string } | null;
  programme: { code: string; title?: string } | null;
  conventionId?: string;
  householdId?: string;
  activeBriques: TrajectoryContext['activeBriques'];
  /** What is due now, one per kind (and brique): trajectoryDeadlines() of the facts, as every read model shows it. */
  nextDeadlines: DeadlineView[];
  /** The measure's whole schedule ahead: what is due now and every later planned bilan, the measure end, the veille visit. */
  schedule: DeadlineView[];
  /** The month-measures counted so far (domain §5), every measure of the trajectory, by the one month-measure definition. */
  monthMeasures: { count: number; months: string[] };
  /** The commands accepted today for at least one valid payload; every other one is refused. */
  allowedCommands: string[];
  /** For each allowed command, in the same order: the payload and date rules it must still satisfy. */
  commandRequirements: CommandOffer[];
  integrity: IntegrityView;
  /** The rest of the folded state (diagnostic, contract, measure, evaluation, relais, veille, closing...). */
  details: Omit<TrajectoryContext, 'activeBriques' | 'referentId' | 'programme' | 'openedOn' | 'conventionId' | 'householdId'>;
}

export function eventView(event: RecordedEvent): EventView {
  const { actor, occurredAt, recordedAt, correlationId } = event.metadata;
  return {
    id: event.id,
    type: event.type,
    version: event.version,
    schemaVersion: event.schemaVersion,
    ...(occurredAt !== undefined ? { occurredAt } : {}),
    recordedAt,
    ...(actor ? { actor: { id: actor.id, role: actor.role } } : {}),
    ...(correlationId !== undefined ? { correlationId } : {}),
    data: event.data,
  };
}

export function commandResultView(trajectoryId: string, result: RunResult<TrajectoryContext>): CommandResultView {
  return {
    trajectoryId,
    stage: result.snapshot.stage,
    status: result.snapshot.status,
    version: result.version,
    events: result.events.map(eventView),
    allowedCommands: result.allowedCommands,
  };
}

export function trajectoryView(
  id: string,
  snapshot: TrajectorySnapshot,
  offers: readonly CommandOffer[],
  catalogue: Catalogue,
  today: string,
  integrity: IntegrityView,
  facts: TrajectoryFacts | undefined,
): TrajectoryView {
  const { activeBriques, referentId, programme: terms, openedOn, conventionId, householdId, ...details } = snapshot.context;
  const code = terms?.code ?? snapshot.context.programmeCode;
  const known = code ? catalogue.programmes.get(code) : undefined;
  // Deadlines, schedule and month-measures come from the facts folded from the same events, by the
  // functions every read model calls (workflows/trajectory): the terms are those the saisine copied.
  const active = facts !== undefined && snapshot.status === 'active';
  const titles = new Map<string, string>([...(terms?.pointCadences ?? []), ...(terms?.milestones ?? [])].map((x) => [x.code, x.title]));
  const withStatus = (d: Deadline): DeadlineView => {
    const title = d.code ? titles.get(d.code) : undefined;
    return { ...d, status: deadlineStatus(d.dueOn, today), ...(title ? { title } : {}) };
  };
  const months = (facts?.measures ?? []).flatMap((m) => monthMeasures(m, today, monthMeasureSettingOf(terms?.monthBilling)));
  const subState = subStateOf(snapshot);
  return {
    id,
    version: snapshot.version,
    stage: snapshot.stage,
    ...(subState !== undefined ? { subState } : {}),
    status: snapshot.status,
    workflowVersion: snapshot.workflowVersion,
    ...(openedOn !== undefined ? { openedOn } : {}),
    referent: referentId ? { id: referentId } : null,
    programme: code ? { code, ...(known?.title ? { title: known.title } : {}) } : null,
    ...(conventionId !== undefined ? { conventionId } : {}),
    ...(householdId !== undefined ? { householdId } : {}),
    // The folded context keeps the briques that ran when the trajectory closed; none runs any more.
    activeBriques: snapshot.status === 'done' ? [] : activeBriques,
    nextDeadlines: active ? trajectoryDeadlines(facts).map(withStatus) : [],
    schedule: active ? trajectorySchedule(facts).map(withStatus) : [],
    monthMeasures: { count: months.length, months },
    allowedCommands: offers.map((offer) => offer.command),
    commandRequirements: offers.map((offer) => ({ command: offer.command, requires: offer.requires })),
    integrity,
    details,
  };
}

/** { open: { contract: 'awaitingValidation' } } -> 'awaitingValidation'; undefined for a stage without sub-states. */
export function subStateOf(snapshot: Pick<TrajectorySnapshot, 'value' | 'stage'>): string | undefined {
  const open = (snapshot.value as { open?: unknown }).open;
  if (open === null || typeof open !== 'object') return undefined;
  const inner = (open as Record<string, unknown>)[snapshot.stage];
  return typeof inner === 'string' ? inner : undefined;
}
