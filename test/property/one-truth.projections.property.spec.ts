// PGlite loads parts of itself with import(), which jest's sandbox refuses: load it outside (see the helper).
jest.mock('@electric-sql/pglite', () => jest.requireActual('../../libs/event-store/src/testing/pglite-outside-sandbox').loadPGliteModule());
import { randomBytes } from 'node:crypto';
import { trajectoryView } from '../../apps/api/src/trajectories/views/trajectory.views';
import { FixedClock } from '../../libs/domain/src';
import type { RecordedEvent } from '../../libs/event-store/src/event-store.port';
import { caseloadProjection } from '../../projections/caseload/caseload.projection';
import { CASELOAD_TABLE } from '../../projections/caseload/caseload.tables';
import { MemoryEventStore } from '../../projections/core/testing/memory-event.store';
import { catchUp } from '../../projections/core/testing/projection-harness';
import { generateJourneys, type GeneratedTrajectory } from '../../projections/core/testing/random-journeys';
import { pgliteTestDatabase, type TestDatabase } from '../../projections/core/testing/test-database';
import { deadlinesProjection } from '../../projections/deadlines/deadlines.projection';
import { queryDeadlines } from '../../projections/deadlines/deadlines.queries';
import { feedProjection } from '../../projections/feeds/feed.projection';
import { FEED_RECORDS_TABLE } from '../../projections/feeds/feed.tables';
import { appendConvention } from '../../projections/feeds/testing/feed-fixtures';
import { TrajectoryPseudonymiser } from '../../projections/feeds/trajectory-pseudonymiser';
import type { FunderFacts } from '../../projections/funder/funder-facts.reducer';
import { funderProjection } from '../../projections/funder/funder.projection';
import { FUNDER_TRAJECTORIES_TABLE } from '../../projections/funder/funder.tables';
import { monthMeasures, trajectoryFactsOf } from '../../workflows/trajectory/src';
import { testDeps } from '../../workflows/trajectory/src/testing/test-installation';

/**
 * Issue 12 §2, the SQL side of one-truth.property.spec.ts: the real read models (deadlines,
 * caseload, funder, feed) on PGlite, caught up after EACH command of random journeys (back-dated
 * commands, suspensions, renewals; the journeys' commands interleave as the API's would), answer
 * what the trajectory view shows: every deadline with its status, the stage and the next deadline,
 * the month-measures.
 */
const TODAY = '2027-06-30';
const STOPPING = new Set(['MeasureSuspended', 'EvaluationStarted', 'HandedOff', 'VeilleStarted', 'TrajectoryClosed', 'TrajectoryWithdrawn', 'RelaisConfirmed', 'VeilleEnded']);
const WEIGHTS = { suspend: 3, resume: 4, renew: 12, 'record-bilan': 6, 'record-point': 6, 'record-veille-visit': 3, 'record-evaluation-grid': 3, 'record-note': 0.2 };

describe('one truth over SQL: every read model answers what the view shows, after each command (issue 12 §2)', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await pgliteTestDatabase();
  });
  afterAll(() => db?.close());

  it('agrees on deadlines and statuses, stage, next deadline and month-measures', async () => {
    const store = new MemoryEventStore();
    await appendConvention(store, { id: 'conv-asll', programme: 'asll-test', funders: ['departement-x'] });
    await appendConvention(store, { id: 'conv-gla', programme: 'gla-test', funders: ['departement-x'] });
    const projections = [deadlinesProjection(), caseloadProjection(), funderProjection(), feedProjection({ pseudonymiser: new TrajectoryPseudonymiser(randomBytes(32)) })];
    const clock = new FixedClock(`${TODAY}T10:00:00Z`);
    const catalogue = testDeps();
    const journeys: GeneratedTrajectory[] = generateJourneys({ count: 20, seed: 120126, today: TODAY, backdate: 0.3, weights: WEIGHTS, conventions: ['conv-asll', 'conv-gla'], maxSteps: 35 });
    const stored = new Map<string, RecordedEvent[]>(journeys.map((j) => [j.id, []]));
    const steps = Math.max(...journeys.map((j) => j.steps.length));
    let checked = 0;

    for (let k = 0; k < steps; k++) {
      const moving = journeys.filter((j) => k < j.steps.length);
      // One append per command, the journeys interleaved.
      for (const j of moving) {
        const from = k === 0 ? 0 : j.steps[k - 1].events;
        const { events } = await store.append(j.streamId, j.events.slice(from, j.steps[k].events));
        stored.get(j.id)?.push(...events);
      }
      await catchUp(store, db, projections, 50);

      for (const j of moving) {
        const step = j.steps[k];
        const events = stored.get(j.id) ?? [];
        const where = `${j.id} after ${step.command} (${step.occurredAt}), event ${events.length}`;
        const facts = trajectoryFactsOf(events);
        const view = trajectoryView(j.id, step.snapshot, [], catalogue, TODAY, { status: 'ok', eventsChecked: 0 }, facts);

        const page = await queryDeadlines(db, clock, { trajectory: j.id, limit: 500 });
        expect({ where, deadlines: page.items.map((d) => [d.kind, d.dueOn, d.status, d.briqueCode, d.ownerId]) }).toEqual({
          where,
          deadlines: view.nextDeadlines.map((d) => [d.kind, d.dueOn, d.status, d.briqueCode, d.ownerId]),
        });

        const { rows: caseload } = await db.query<{ stage: string; kind: string | null; on: string | null; brique: string | null }>(
          `SELECT stage, next_deadline_kind AS kind, next_deadline_on::text AS on, next_deadline_brique AS brique FROM ${CASELOAD_TABLE} WHERE trajectory_id = $1`,
          [j.id],
        );
        const first = view.nextDeadlines[0];
        expect({ where, caseload: caseload[0] }).toEqual({ where, caseload: { stage: view.stage, kind: first?.kind ?? null, on: first?.dueOn ?? null, brique: first?.briqueCode ?? null } });

        const { rows: funder } = await db.query<{ facts: FunderFacts | string }>(`SELECT facts FROM ${FUNDER_TRAJECTORIES_TABLE} WHERE trajectory_id = $1`, [j.id]);
        const funderFacts = (typeof funder[0].facts === 'string' ? JSON.parse(funder[0].facts) : funder[0].facts) as FunderFacts;
        expect({ where, months: funderFacts.measures.flatMap((m) => monthMeasures(m, TODAY)) }).toEqual({ where, months: view.monthMeasures.months });

        const { rows: feed } = await db.query<{ month: string }>(
          `SELECT DISTINCT details->>'month' AS month FROM ${FEED_RECORDS_TABLE} WHERE kind = 'month-measure-counted' AND source_event_id IN (SELECT jsonb_array_elements_text($1::jsonb))`,
          [JSON.stringify(events.map((e) => e.id))],
        );
        const feedMonths = feed.map((r) => r.month).sort();
        let lastDate = '';
        let retracting = false;
        for (const e of events) {
          const on = String(e.metadata.occurredAt);
          if (STOPPING.has(e.type) && on <= lastDate) retracting = true;
          if (on > lastDate) lastDate = on;
        }
        const proved = [...new Set((facts?.measures ?? []).flatMap((m) => monthMeasures(m, lastDate)))].sort();
        // The feed cannot take a month back (see one-truth.property.spec.ts): never fewer, more only after such a stop.
        if (retracting) expect({ where, missing: proved.filter((m) => !feedMonths.includes(m)) }).toEqual({ where, missing: [] });
        else expect({ where, feed: feedMonths }).toEqual({ where, feed: proved });
        checked++;
      }
    }
    expect(checked).toBe(journeys.reduce((n, j) => n + j.steps.length, 0));
    expect(checked).toBeGreaterThan(150);
  }, 120_000);
});
