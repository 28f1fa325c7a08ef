import type { RecordedEvent } from '../../libs/event-store/src/event-store.port';
import { businessDate, trajectoryIdOfEvent } from '../core/event-date';
import { upsertJsonRows } from '../core/json-rows';
import type { Projection } from '../core/projection.port';
import { streamStateProjection } from '../core/stream-state.projection';
import { upcastConventionCreated } from './convention-stored-terms';
import { CONVENTION_CREATED, CONVENTION_STREAM_PREFIX, type Convention } from './convention.events';
import { evolveFunderFacts, type FunderFacts } from './funder-facts.reducer';
import { FUNDER_CONVENTIONS_TABLE, FUNDER_MIGRATIONS, FUNDER_TRAJECTORIES_TABLE } from './funder.tables';

export const FUNDER_PROJECTION = 'funder';

/** A convention as the table keeps it: its terms in cents, where it stands in the log (the first of a programme's year takes unnamed trajectories), its Idempotency-Key. */
export interface ConventionRow extends Convention {
  position: number;
  idempotencyKey: string | null;
}

type FunderState = ({ kind: 'trajectory' } & FunderFacts) | ({ kind: 'convention'; version: number } & ConventionRow);

function keyOf(event: RecordedEvent): string | undefined {
  const trajectoryId = trajectoryIdOfEvent(event);
  if (trajectoryId) return `t:${trajectoryId}`;
  if (event.streamId.startsWith(CONVENTION_STREAM_PREFIX)) return `c:${event.streamId.slice(CONVENTION_STREAM_PREFIX.length)}`;
  return undefined;
}

function evolve(state: FunderState | undefined, event: RecordedEvent): FunderState | undefined {
  if (event.streamId.startsWith(CONVENTION_STREAM_PREFIX)) {
    if (event.type !== CONVENTION_CREATED || state) return state ? { ...state, version: event.version } : undefined;
    const d = upcastConventionCreated(event.schemaVersion, event.data);
    const id = event.streamId.slice(CONVENTION_STREAM_PREFIX.length);
    const idempotencyKey = (event.metadata as { idempotencyKey?: unknown }).idempotencyKey;
    return { kind: 'convention', version: event.version, id, createdOn: businessDate(event), ...d, position: event.globalPosition, idempotencyKey: typeof idempotencyKey === 'string' ? idempotencyKey : null };
  }
  const before = state?.kind === 'trajectory' ? state : undefined;
  const next = evolveFunderFacts(before, event);
  return next ? { kind: 'trajectory', ...next } : undefined;
}

function parse<T>(v: T | string): T {
  return typeof v === 'string' ? (JSON.parse(v) as T) : v;
}

/**
 * Funder figures are computed at query time from per-trajectory facts (dates, periods, categories)
 * and the conventions, because a convention created late, or today's date, changes which months
 * and which trajectories count. Storing facts rather than running totals also makes replay safe.
 */
export function funderProjection(): Projection {
  return streamStateProjection<FunderState>({
    name: FUNDER_PROJECTION,
    version: 'funder-2',
    tables: [FUNDER_TRAJECTORIES_TABLE, FUNDER_CONVENTIONS_TABLE],
    migrations: FUNDER_MIGRATIONS,
    keyOf,
    evolve,
    async load(tx, keys) {
      const trajectories = keys.filter((k) => k.startsWith('t:')).map((k) => k.slice(2));
      const conventions = keys.filter((k) => k.startsWith('c:')).map((k) => k.slice(2));
      const out = new Map<string, FunderState>();
      if (trajectories.length > 0) {
        const { rows } = await tx.query<{ trajectory_id: string; facts: FunderFacts | string }>(
          `SELECT trajectory_id, facts FROM ${FUNDER_TRAJECTORIES_TABLE} WHERE trajectory_id IN (SELECT jsonb_array_elements_text($1::jsonb))`,
          [JSON.stringify(trajectories)],
        );
        for (const r of rows) out.set(`t:${r.trajectory_id}`, { kind: 'trajectory', ...parse(r.facts) });
      }
      if (conventions.length > 0) {
        const { rows } = await tx.query<{ id: string; version: number; terms: ConventionRow | string }>(
          `SELECT id, version, terms FROM ${FUNDER_CONVENTIONS_TABLE} WHERE id IN (SELECT jsonb_array_elements_text($1::jsonb))`,
          [JSON.stringify(conventions)],
        );
        for (const r of rows) out.set(`c:${r.id}`, { kind: 'convention', ...parse(r.terms), version: r.version });
      }
      return out;
    },
    async save(tx, changed) {
      const trajectories: Record<string, unknown>[] = [];
      const conventions: Record<string, unknown>[] = [];
      for (const { key, after } of changed) {
        if (after.kind === 'trajectory') {
          const { kind: _kind, ...facts } = after;
          trajectories.push({
            trajectory_id: key.slice(2),
            version: facts.version,
            programme_code: facts.programmeCode,
            saisine_year: Number(facts.saisineOn.slice(0, 4)),
            saisine_convention_id: facts.saisineConventionId,
            contract_convention_id: facts.contractConventionId,
            facts,
          });
        } else {
          const { kind: _kind, version, ...convention } = after;
          conventions.push({
            id: convention.id,
            version,
            funder: convention.funder,
            programme_code: convention.programme,
            year: convention.year,
            created_on: convention.createdOn,
            code: convention.code,
            position: convention.position,
            idempotency_key: convention.idempotencyKey,
            terms: convention,
          });
        }
      }
      await upsertJsonRows(
        tx,
        FUNDER_TRAJECTORIES_TABLE,
        [
          { name: 'trajectory_id', type: 'text' },
          { name: 'version', type: 'integer' },
          { name: 'programme_code', type: 'text' },
          { name: 'saisine_year', type: 'integer' },
          { name: 'saisine_convention_id', type: 'text' },
          { name: 'contract_convention_id', type: 'text' },
          { name: 'facts', type: 'jsonb' },
        ],
        ['trajectory_id'],
        trajectories,
      );
      await upsertJsonRows(
        tx,
        FUNDER_CONVENTIONS_TABLE,
        [
          { name: 'id', type: 'text' },
          { name: 'version', type: 'integer' },
          { name: 'funder', type: 'text' },
          { name: 'programme_code', type: 'text' },
          { name: 'year', type: 'integer' },
          { name: 'created_on', type: 'date' },
          { name: 'code', type: 'text' },
          { name: 'position', type: 'bigint' },
          { name: 'idempotency_key', type: 'text' },
          { name: 'terms', type: 'jsonb' },
        ],
        ['id'],
        conventions,
      );
    },
  });
}
