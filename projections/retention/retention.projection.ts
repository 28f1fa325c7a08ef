import type { CalendarDate } from '../../libs/domain/src';
import type { RecordedEvent } from '../../libs/event-store/src/event-store.port';
import { HOUSEHOLD_ERASED, type HouseholdErasedData } from '../../libs/privacy/src/household-erased.event';
import type { TrajectoryEventDataMap } from '../../workflows/trajectory/src/events';
import { businessDate, trajectoryIdOfEvent } from '../core/event-date';
import { upsertJsonRows } from '../core/json-rows';
import type { Projection } from '../core/projection.port';
import { streamStateProjection } from '../core/stream-state.projection';
import { RETENTION_ERASED_TABLE, RETENTION_MIGRATIONS, RETENTION_TRAJECTORIES_TABLE } from './retention.tables';

export const RETENTION_PROJECTION = 'retention';

/** What retention needs of one trajectory. */
export interface RetentionFacts {
  version: number;
  householdId: string;
  programmeCode: string;
  /** Latest business date recorded on the trajectory: its last contact with the household. */
  lastContactOn: CalendarDate;
  closed: boolean;
}

/** The events after which nothing is open any more (the same list the caseload closes on). */
const CLOSING = new Set(['SaisineReoriented', 'SaisineDeclined', 'ContractDeclined', 'RelaisConfirmed', 'VeilleEnded', 'TrajectoryClosed', 'TrajectoryWithdrawn']);

export function evolveRetentionFacts(facts: RetentionFacts | undefined, event: RecordedEvent): RetentionFacts | undefined {
  const on = businessDate(event);
  if (!facts) {
    if (event.type !== 'SaisineReceived') return undefined;
    const d = event.data as TrajectoryEventDataMap['SaisineReceived'];
    return { version: event.version, householdId: d.householdId, programmeCode: d.programme.code, lastContactOn: on, closed: false };
  }
  const autonomous = event.type === 'DiagnosticConcluded' && (event.data as TrajectoryEventDataMap['DiagnosticConcluded']).outcome === 'autonomous';
  return {
    ...facts,
    version: event.version,
    lastContactOn: on > facts.lastContactOn ? on : facts.lastContactOn,
    closed: facts.closed || CLOSING.has(event.type) || autonomous,
  };
}

const COLUMNS = [
  { name: 'trajectory_id', type: 'text' },
  { name: 'household_id', type: 'text' },
  { name: 'facts', type: 'jsonb' },
  { name: 'programme_code', type: 'text' },
  { name: 'last_contact_on', type: 'date' },
  { name: 'closed', type: 'boolean' },
] as const;

/**
 * Per trajectory: its household, programme, last contact and whether it is closed; and which
 * households were erased. The retention job reads it to find expired households without reading
 * the whole store. It reads the sealed store: it never needs, and never sees, personal data.
 */
export function retentionProjection(): Projection {
  const base = streamStateProjection<RetentionFacts>({
    name: RETENTION_PROJECTION,
    version: 'retention-1',
    tables: [RETENTION_TRAJECTORIES_TABLE, RETENTION_ERASED_TABLE],
    migrations: RETENTION_MIGRATIONS,
    keyOf: trajectoryIdOfEvent,
    async load(tx, ids) {
      const { rows } = await tx.query<{ trajectory_id: string; facts: RetentionFacts | string }>(
        `SELECT trajectory_id, facts FROM ${RETENTION_TRAJECTORIES_TABLE} WHERE trajectory_id IN (SELECT jsonb_array_elements_text($1::jsonb))`,
        [JSON.stringify(ids)],
      );
      return new Map(rows.map((r) => [r.trajectory_id, typeof r.facts === 'string' ? (JSON.parse(r.facts) as RetentionFacts) : r.facts]));
    },
    evolve: evolveRetentionFacts,
    async save(tx, changed) {
      await upsertJsonRows(
        tx,
        RETENTION_TRAJECTORIES_TABLE,
        COLUMNS,
        ['trajectory_id'],
        changed.map(({ key, after }) => ({
          trajectory_id: key,
          household_id: after.householdId,
          facts: after,
          programme_code: after.programmeCode,
          last_contact_on: after.lastContactOn,
          closed: after.closed,
        })),
      );
    },
  });
  return {
    ...base,
    async handle(event, tx) {
      if (event.type !== HOUSEHOLD_ERASED) return base.handle(event, tx);
      const d = event.data as HouseholdErasedData;
      await tx.query(`INSERT INTO ${RETENTION_ERASED_TABLE} (household_id, erased_on) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [d.householdId, d.erasedOn]);
    },
  };
}
