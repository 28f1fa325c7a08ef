import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import type { RecordedEvent } from '../../libs/event-store/src/event-store.port';
import { trajectoryView } from '../../apps/api/src/trajectories/views/trajectory.views';
import { generateJourneys, type GeneratedTrajectory } from '../../projections/core/testing/random-journeys';
import { deadlinesOf } from '../../projections/deadlines/deadlines.calculator';
import { ListConventionDirectory } from '../../projections/feeds/convention-directory';
import { mapFeedEvent, type TrajectoryFeedState } from '../../projections/feeds/feed-record.mapper';
import { TrajectoryPseudonymiser } from '../../projections/feeds/trajectory-pseudonymiser';
import { evolveFunderFacts, type FunderFacts } from '../../projections/funder/funder-facts.reducer';
import { evolveTrajectoryFacts, monthMeasures, nextDeadline, trajectoryFactsOf, type TrajectoryFacts } from '../../workflows/trajectory/src';
import { testDeps } from '../../workflows/trajectory/src/testing/test-installation';

/**
 * Issue 12 §2: over random journeys (back-dated commands, suspensions and renewals included), after
 * EACH accepted command, the trajectory view and every read model's computation agree on every
 * deadline, the stage and the month-measures:
 * - the view folds the whole stream at once; the read models fold event by event, their state going
 *   through JSON (their jsonb column) between commands, as the projection runner does;
 * - the facts agree with the workflow machine's own state (stage, referent, briques, bilan, measure);
 * - /deadlines rows, the caseload's next deadline, the funder's month-measures and the feed's
 *   counted months are what the view shows.
 * The SQL side (the real read models, caught up after each command) is one-truth.projections.property.spec.ts.
 */
const TODAY = '2027-06-30';
const catalogue = testDeps();
const integrity = { status: 'ok' as const, eventsChecked: 0 };
const directory = new ListConventionDirectory(
  [2026, 2027].flatMap((year) => [
    { id: 'conv-asll', programme: 'asll-test', year, funderIds: ['departement-x'] },
    { id: 'conv-gla', programme: 'gla-test', year, funderIds: ['departement-x'] },
  ]),
);
const feedContext = { directory, pseudonymiser: new TrajectoryPseudonymiser(randomBytes(32)) };
/** Events after which a measure is no longer active: dated on or before what the feed already saw, they take months back. */
const STOPPING = new Set(['MeasureSuspended', 'EvaluationStarted', 'HandedOff', 'VeilleStarted', 'TrajectoryClosed', 'TrajectoryWithdrawn', 'RelaisConfirmed', 'VeilleEnded']);
const WEIGHTS = { suspend: 3, resume: 4, renew: 12, 'record-bilan': 6, 'record-point': 6, 'record-veille-visit': 3, 'record-evaluation-grid': 3, 'record-note': 0.2 };

function recorded(j: GeneratedTrajectory): RecordedEvent[] {
  return j.events.map((e, i) => ({
    id: e.id ?? `${j.id}-${i + 1}`,
    streamId: j.streamId,
    version: i + 1,
    globalPosition: i + 1,
    checkpoint: `1/${i + 1}`,
    type: e.type,
    schemaVersion: e.schemaVersion ?? 1,
    data: e.data,
    metadata: { ...e.metadata, recordedAt: `${TODAY}T10:00:00.000Z` },
    hash: '',
  }));
}

const stored = <T>(state: T): T => JSON.parse(JSON.stringify(state)) as T;

function checkJourney(j: GeneratedTrajectory): void {
  const events = recorded(j);
  let facts: TrajectoryFacts | undefined;
  let funder: FunderFacts | undefined;
  let feed: TrajectoryFeedState | undefined;
  const feedMonths: string[] = [];
  let lastDate = '';
  let retracting = false;
  let done = 0;
  for (const step of j.steps) {
    // Read models: event by event, from their stored (JSON) state.
    facts = facts && stored(facts);
    funder = funder && stored(funder);
    feed = feed && stored(feed);
    for (const e of events.slice(done, step.events)) {
      facts = evolveTrajectoryFacts(facts, e);
      funder = evolveFunderFacts(funder, e);
      const mapped = mapFeedEvent(feed, e, feedContext);
      feed = mapped.state;
      for (const r of mapped.records) if (r.kind === 'month-measure-counted' && r.details.month) feedMonths.push(r.details.month);
      const on = String(e.metadata.occurredAt);
      if (STOPPING.has(e.type) && on <= lastDate) retracting = true;
      if (on > lastDate) lastDate = on;
    }
    done = step.events;
    const where = `${j.id} after ${step.command} (${step.occurredAt}), event ${done}`;
    if (!facts || !funder) throw new Error(`no facts: ${where}`);

    // The view: the whole stream folded at once, through the workflow machine and the same facts.
    const snapshot = step.snapshot;
    const view = trajectoryView(j.id, snapshot, [], catalogue, TODAY, integrity, trajectoryFactsOf(events.slice(0, done)));
    expect({ where, facts: trajectoryFactsOf(events.slice(0, done)) }).toEqual({ where, facts });

    // The facts are the machine's own state.
    const c = snapshot.context;
    const machine = {
      where,
      stage: snapshot.stage,
      referentId: c.referentId ?? null,
      measure: c.measure ? { startsOn: c.measure.startsOn, endsOn: c.measure.endsOn } : null,
      suspendedSince: c.suspendedSince ?? null,
      lastBilanOn: c.lastBilanOn ?? null,
      briques: snapshot.status === 'active' ? c.activeBriques.map((b) => [b.code, b.startedOn, b.lastPointOn ?? null]).sort() : [],
      lastVisitOn: snapshot.stage === 'veille' ? (c.veille?.lastVisitOn ?? null) : null,
    };
    const ours = {
      where,
      stage: facts.stage,
      referentId: facts.referentId,
      measure: facts.measure,
      suspendedSince: facts.suspendedSince,
      lastBilanOn: facts.lastBilanOn,
      briques: facts.activeBriques.map((b) => [b.code, b.startedOn, b.lastPointOn]).sort(),
      lastVisitOn: facts.stage === 'veille' ? (facts.veille?.lastVisitOn ?? null) : null,
    };
    expect(ours).toEqual(machine);
    expect(view.stage).toBe(facts.stage);

    // /deadlines stores deadlinesOf(facts); the caseload its first one. Both as the view lists them.
    const rows = deadlinesOf(facts).map((d) => ({ kind: d.kind, dueOn: d.dueOn, ownerId: d.ownerId, briqueCode: d.briqueCode || null }));
    const shown = view.nextDeadlines.map((d) => ({ kind: d.kind, dueOn: d.dueOn, ownerId: d.ownerId, briqueCode: d.briqueCode }));
    expect({ where, deadlines: rows }).toEqual({ where, deadlines: shown });
    const next = nextDeadline(facts);
    expect({ where, next: next ? { kind: next.kind, dueOn: next.dueOn, briqueCode: next.briqueCode } : null }).toEqual({
      where,
      next: shown[0] ? { kind: shown[0].kind, dueOn: shown[0].dueOn, briqueCode: shown[0].briqueCode } : null,
    });
    // Every deadline due now is in the schedule ahead.
    expect(view.schedule).toEqual(expect.arrayContaining(view.nextDeadlines));

    // Month-measures: the funder's, the feed's and the view's.
    const funderMonths = funder.measures.flatMap((m) => monthMeasures(m, TODAY));
    expect({ where, months: funderMonths }).toEqual({ where, months: view.monthMeasures.months });
    expect(view.monthMeasures.count).toBe(view.monthMeasures.months.length);
    // The feed sends a month once the log proves it: the months up to the latest business date seen.
    // It is an outbox and cannot take a month back: after an event that stops the measure on or before
    // the latest day it already counted (back-dated, or the same day), it may hold more months than
    // the others (a month whose only active day was that one), never fewer.
    const proved = facts.measures.flatMap((m) => monthMeasures(m, lastDate));
    if (!retracting) expect({ where, feed: [...feedMonths].sort() }).toEqual({ where, feed: [...proved].sort() });
    else expect({ where, missing: proved.filter((m) => !feedMonths.includes(m)) }).toEqual({ where, missing: [] });
  }
}

describe('one truth: the view and every read model agree after each command (issue 12 §2)', () => {
  it('over random journeys with back-dated commands, suspensions and renewals', () => {
    let seen = { steps: 0, backdated: 0, suspensions: 0, renewals: 0, journeys: 0 };
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), (seed) => {
        const journeys = generateJourneys({ count: 6, seed, today: TODAY, backdate: 0.3, weights: WEIGHTS, maxSteps: 45 });
        for (const j of journeys) {
          checkJourney(j);
          const stepsDated = j.steps.map((s) => s.occurredAt);
          seen = {
            journeys: seen.journeys + 1,
            steps: seen.steps + j.steps.length,
            backdated: seen.backdated + stepsDated.filter((d, i) => i > 0 && d < stepsDated[i - 1]).length,
            suspensions: seen.suspensions + j.steps.filter((s) => s.command === 'suspend').length,
            renewals: seen.renewals + j.steps.filter((s) => s.command === 'renew').length,
          };
        }
      }),
      { numRuns: 30, seed: 20261201 },
    );
    // The generator really went through what the property is about.
    console.log(`one-truth property: ${JSON.stringify(seen)}`);
    expect(seen.journeys).toBe(180);
    expect(seen.backdated).toBeGreaterThan(100);
    expect(seen.suspensions).toBeGreaterThan(20);
    expect(seen.renewals).toBeGreaterThanOrEqual(3);
  });
});
