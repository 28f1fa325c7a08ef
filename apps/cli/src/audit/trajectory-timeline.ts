import { fold, type RecordedEvent, type WorkflowRegistry } from '../../../../workflows/engine/src';
import type { TrajectoryContext, TrajectorySnapshot } from '../../../../workflows/trajectory/src';

/** The state an auditor looks at after each event: categorical only, never the personal data. */
export interface TimelineState {
  stage: string;
  status: 'active' | 'done';
  cycle: number;
  referent?: string;
  programme?: string;
  convention?: string;
  measure?: { from: string; to: string; renewals: number };
  activeBriques: string[];
  suspendedSince?: string;
  closing?: string;
}

export interface TimelineEntry {
  version: number;
  type: string;
  /** Business date: when it happened, as the author said. */
  occurredAt?: string;
  /** Server clock: when it was written down. */
  recordedAt: string;
  actor?: { id: string; role: string };
  state: TimelineState;
}

export interface Timeline {
  streamId: string;
  workflowVersion?: number;
  entries: TimelineEntry[];
  /** The first event the recorded machine version refuses to replay: the stream cannot be trusted past it. */
  failure?: { version: number; type: string; message: string };
}

/**
 * Replays a stream through the machine version it recorded, one event at a time, keeping the state
 * after each: the same fold the API runs, so what the auditor reads is what the service acted on.
 */
export function buildTimeline(
  streamId: string,
  events: readonly RecordedEvent[],
  registry: WorkflowRegistry<TrajectoryContext>,
  /** renumber: the events are a selection (as of a business date), folded in order as 1..n; entries keep their stream version. */
  options: { renumber?: boolean } = {},
): Timeline {
  if (events.length === 0) return { streamId, entries: [] };
  let definition;
  try {
    definition = registry.forStream(events);
  } catch (error) {
    return { streamId, entries: [], failure: { version: events[0].version, type: events[0].type, message: (error as Error).message } };
  }
  const entries: TimelineEntry[] = [];
  let snapshot: TrajectorySnapshot | undefined;
  for (const [i, event] of events.entries()) {
    try {
      snapshot = fold(definition, [options.renumber ? { ...event, version: i + 1 } : event], snapshot);
    } catch (error) {
      return { streamId, workflowVersion: definition.version, entries, failure: { version: event.version, type: event.type, message: (error as Error).message } };
    }
    const { actor, occurredAt, recordedAt } = event.metadata;
    entries.push({
      version: event.version,
      type: event.type,
      ...(occurredAt !== undefined ? { occurredAt: String(occurredAt) } : {}),
      recordedAt,
      ...(actor ? { actor: { id: actor.id, role: actor.role } } : {}),
      state: stateOf(snapshot),
    });
  }
  return { streamId, workflowVersion: definition.version, entries };
}

function stateOf(snapshot: TrajectorySnapshot): TimelineState {
  const c = snapshot.context;
  const code = c.programme?.code ?? c.programmeCode;
  return {
    stage: snapshot.stage,
    status: snapshot.status,
    cycle: c.cycle,
    ...(c.referentId ? { referent: c.referentId } : {}),
    ...(code ? { programme: code } : {}),
    ...(c.contract?.conventionId ?? c.conventionId ? { convention: c.contract?.conventionId ?? c.conventionId } : {}),
    ...(c.measure ? { measure: { from: c.measure.startsOn, to: c.measure.endsOn, renewals: c.measure.renewalsUsed } } : {}),
    activeBriques: snapshot.status === 'done' ? [] : c.activeBriques.map((b) => b.code),
    ...(c.suspendedSince ? { suspendedSince: c.suspendedSince } : {}),
    ...(c.closing ? { closing: `${c.closing.kind} on ${c.closing.on}${c.closing.endReason ? ` (${c.closing.endReason})` : ''}` } : {}),
  };
}

/** One event per block: what, when (business and recorded), who, then the state it left. */
export function formatTimeline(timeline: Timeline): string {
  const lines: string[] = [];
  for (const e of timeline.entries) {
    const who = e.actor ? `${e.actor.id} (${e.actor.role})` : 'unknown actor';
    lines.push(`#${e.version}  ${e.type}  occurred ${e.occurredAt ?? '-'}  recorded ${e.recordedAt}  by ${who}`);
    lines.push(`      -> ${formatState(e.state)}`);
  }
  if (timeline.failure) {
    const f = timeline.failure;
    lines.push(`#${f.version}  ${f.type}  CANNOT BE REPLAYED: ${f.message}`);
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}

export function formatState(s: TimelineState): string {
  const parts = [`stage ${s.stage}${s.status === 'done' ? ' (done)' : ''}`];
  if (s.cycle > 1) parts.push(`cycle ${s.cycle}`);
  if (s.referent) parts.push(`referent ${s.referent}`);
  if (s.programme) parts.push(`programme ${s.programme}`);
  if (s.convention) parts.push(`convention ${s.convention}`);
  if (s.measure) parts.push(`measure ${s.measure.from} to ${s.measure.to}${s.measure.renewals ? `, renewed ${s.measure.renewals}x` : ''}`);
  if (s.activeBriques.length) parts.push(`briques ${s.activeBriques.join(', ')}`);
  if (s.suspendedSince) parts.push(`suspended since ${s.suspendedSince}`);
  if (s.closing) parts.push(`closed: ${s.closing}`);
  return parts.join(' · ');
}
