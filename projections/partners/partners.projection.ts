import { upsertJsonRows } from '../core/json-rows';
import type { Projection } from '../core/projection.port';
import { streamStateProjection } from '../core/stream-state.projection';
import { trajectoryIdOfEvent } from '../core/event-date';
import { evolvePartnerFacts, type PartnerFacts } from './partner-facts.reducer';
import { PARTNERS_MIGRATIONS, PARTNERS_TABLE } from './partners.tables';

export const PARTNERS_PROJECTION = 'partners';

const COLUMNS = [
  { name: 'trajectory_id', type: 'text' },
  { name: 'version', type: 'integer' },
  { name: 'stage', type: 'text' },
  { name: 'opened_on', type: 'date' },
  { name: 'prescriber_id', type: 'text' },
  { name: 'landlord_id', type: 'text' },
  { name: 'relais_partner_id', type: 'text' },
  { name: 'validator_id', type: 'text' },
  { name: 'share_recipients', type: 'text[]' },
  { name: 'state', type: 'jsonb' },
] as const;

function rowOf(id: string, p: PartnerFacts): Record<string, unknown> {
  return {
    trajectory_id: id,
    version: p.version,
    stage: p.facts.stage,
    opened_on: p.facts.openedOn,
    prescriber_id: p.facts.prescriber.id,
    landlord_id: p.landlordId,
    relais_partner_id: p.relaisPartnerId,
    // Listed to the validator only once something was submitted to it.
    validator_id: p.submissions.length > 0 ? p.validatorId : null,
    share_recipients: [...new Set(p.shares.map((s) => s.recipient.id))],
    state: p,
  };
}

/** What prescribers, validators and partners read (GET /saisines, /validations, /partner/trajectories). */
export function partnersProjection(): Projection {
  return streamStateProjection<PartnerFacts>({
    name: PARTNERS_PROJECTION,
    version: 'partners-1',
    tables: [PARTNERS_TABLE],
    migrations: PARTNERS_MIGRATIONS,
    keyOf: trajectoryIdOfEvent,
    async load(tx, ids) {
      const { rows } = await tx.query<{ trajectory_id: string; state: PartnerFacts | string }>(
        `SELECT trajectory_id, state FROM ${PARTNERS_TABLE} WHERE trajectory_id IN (SELECT jsonb_array_elements_text($1::jsonb))`,
        [JSON.stringify(ids)],
      );
      return new Map(rows.map((r) => [r.trajectory_id, typeof r.state === 'string' ? (JSON.parse(r.state) as PartnerFacts) : r.state]));
    },
    evolve: evolvePartnerFacts,
    async save(tx, changed) {
      await upsertJsonRows(tx, PARTNERS_TABLE, COLUMNS, ['trajectory_id'], changed.map((c) => rowOf(c.key, c.after)));
    },
  });
}
