import { randomUUID } from 'node:crypto';
import { addDays, FixedClock, type CalendarDate } from '../../../libs/domain/src';
import type { NewEvent } from '../../../libs/event-store/src/event-store.port';
import { decide, initialSnapshot } from '../../../workflows/engine/src';
import {
  AGE_BANDS,
  COMPOSITIONS,
  GENDERS,
  RESOURCES_TYPES,
  createTrajectoryWorkflowV1,
  type TrajectoryCommandType,
  type TrajectorySnapshot,
} from '../../../workflows/trajectory/src';
import * as fixtures from '../../../workflows/trajectory/src/testing/command-fixtures';
import { SCHEDULE_TEST, testDeps } from '../../../workflows/trajectory/src/testing/test-installation';
import { mulberry32 } from '../synthetic-trajectories';

export interface GeneratedTrajectory {
  id: string;
  streamId: string;
  events: NewEvent[];
  snapshot: TrajectorySnapshot;
  refusals: number;
  /** After each accepted command: how many events the stream had, and the workflow's snapshot then. */
  steps: { events: number; snapshot: TrajectorySnapshot; command: string; occurredAt: CalendarDate }[];
}

export interface JourneyOptions {
  count: number;
  seed?: number;
  /** No command may be dated after this Paris date. */
  today?: CalendarDate;
  referents?: readonly string[];
  conventions?: readonly (string | undefined)[];
  maxSteps?: number;
  /** Programme codes to pick from (default asll-test and gla-test; schedule-test has cadences and milestones). */
  programmes?: readonly string[];
  /** Chance (0..1) that a command is dated before the previous one (back-dated, never before the opening). */
  backdate?: number;
  /** Weights that replace the default ones (e.g. more suspensions and renewals). */
  weights?: Partial<Record<TrajectoryCommandType, number>>;
}

/** Commands that move a trajectory on are picked more often than notes and side steps. */
const WEIGHTS: Partial<Record<TrajectoryCommandType, number>> = {
  'assign-referent': 6,
  'record-first-contact': 6,
  'record-evaluation-grid': 6,
  'conclude-diagnostic': 6,
  'draft-contract': 6,
  'sign-contract': 8,
  'start-brique': 5,
  'record-point': 8,
  'record-bilan': 4,
  'complete-brique': 2,
  suspend: 1,
  resume: 4,
  'change-referent': 0.3,
  renew: 2,
  'start-evaluation': 2,
  'record-final-evaluation': 5,
  'hand-off': 1,
  'confirm-relais': 3,
  'start-veille': 1,
  'record-veille-visit': 2,
  reopen: 1,
  'end-veille': 1,
  close: 2,
  withdraw: 0.1,
  reorient: 0.2,
  decline: 0.2,
  'record-note': 0.5,
  'record-milestone': 1,
  'record-diagnostic-step': 1,
};

/**
 * Trajectories driven through the real workflow (decide() of the trajectory machine v1): each step
 * picks one of the commands the machine allows now, with a payload fitting the state; refused ones
 * are simply not recorded. What comes out is exactly what the API would have stored.
 */
export function generateJourneys(options: JourneyOptions): GeneratedTrajectory[] {
  // Deterministic: a failing seed replays the same journeys.
  const rnd = mulberry32(options.seed ?? 1);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const today = options.today ?? '2027-06-30';
  const clock = new FixedClock(`${today}T12:00:00Z`);
  const ids = { next: () => randomUUID() };
  const definition = createTrajectoryWorkflowV1(testDeps({ programmes: [SCHEDULE_TEST] }));
  const referents = options.referents ?? ['ref-a', 'ref-b', 'ref-c', 'ref-d'];
  const conventions = options.conventions ?? ['conv-asll', 'conv-gla', undefined];
  const out: GeneratedTrajectory[] = [];

  for (let n = 0; n < options.count; n++) {
    const id = randomUUID();
    let snapshot: TrajectorySnapshot = initialSnapshot(definition);
    let date = addDays('2026-01-01', Math.floor(rnd() * 365));
    const events: NewEvent[] = [];
    let refusals = 0;
    let allowedNow: string[] = [];
    const steps: GeneratedTrajectory['steps'] = [];
    const openedOn = date;
    const actor = { id: pick(referents), role: 'referent' as const };
    const weights = { ...WEIGHTS, ...options.weights };
    const apply = (type: string, payload: unknown): boolean => {
      // A back-dated command: recorded after the previous one, about an earlier day (the rules may still refuse it).
      const back = options.backdate && type !== 'receive-saisine' && rnd() < options.backdate ? Math.floor(rnd() * 40) : 0;
      const occurredAt = back > 0 ? (addDays(date, -back) < openedOn ? openedOn : addDays(date, -back)) : date;
      const d = decide(definition, snapshot, { type, payload }, { actor, occurredAt }, { clock, ids });
      if (!d.accepted) {
        refusals++;
        return false;
      }
      events.push(...d.events);
      snapshot = d.snapshot;
      allowedNow = d.allowedCommands;
      steps.push({ events: events.length, snapshot, command: type, occurredAt });
      return true;
    };
    const programmeCode = pick(options.programmes ?? ['asll-test', 'gla-test']);
    apply(
      'receive-saisine',
      fixtures.receiveSaisine({
        programmeCode,
        conventionId: pick(conventions),
        household: {
          composition: pick(COMPOSITIONS),
          childrenCount: Math.floor(rnd() * 4),
          ageBand: pick(AGE_BANDS),
          referenceGender: pick(GENDERS),
          mainResources: pick(RESOURCES_TYPES),
        },
      }).payload,
    );
    for (let step = 0; step < (options.maxSteps ?? 40) && snapshot.status !== 'done'; step++) {
      const next = addDays(date, Math.floor(rnd() * 35));
      if (next > today) break;
      date = next;
      const c = snapshot.context;
      const allowed = (allowedNow as TrajectoryCommandType[]).filter((t) => (weights[t] ?? 0) > 0);
      if (allowed.length === 0) break;
      for (let attempt = 0; attempt < 4; attempt++) {
        const total = allowed.reduce((s, t) => s + (weights[t] ?? 0), 0);
        let r = rnd() * total;
        const type = allowed.find((t) => (r -= weights[t] ?? 0) < 0) ?? allowed[0];
        const brique = c.activeBriques.length ? pick(c.activeBriques).code : undefined;
        const programmeBriques = c.programme?.allowedBriques ?? ['2.1'];
        const payloads: Partial<Record<TrajectoryCommandType, unknown>> = {
          'assign-referent': { referentId: pick(referents) },
          'change-referent': { referentId: pick(referents.filter((r2) => r2 !== c.referentId)), personal: { handOverNote: 'relais interne' } },
          'conclude-diagnostic': fixtures.concludeDiagnostic({
            outcome: pick(['propose-accompaniment', 'propose-accompaniment', 'propose-accompaniment', 'autonomous', 'orient-existing'] as const),
            ...(rnd() < 0.5 ? { relaisPartner: { kind: 'savs' as const, partnerName: 'SAVS Test' } } : {}),
          }).payload,
          'draft-contract': fixtures.draftContract({ briques: [pick(programmeBriques), pick(programmeBriques)] }).payload,
          'sign-contract': { party: (c.contract?.requiredParties ?? ['household']).find((p) => !c.contract?.signatures[p]) ?? 'household' },
          'start-brique': { code: pick(programmeBriques) },
          'record-point': { briqueCode: brique ?? '2.1', mode: 'home-visit', // No rnd() here: an extra draw would change every seed's journeys.
            ...(events.length % 3 === 0 ? { parties: ['household', 'landlord'] } : {}), personal: { summary: 'point' } },
          'choose-scale': { scale: 'standard' },
          'record-milestone': { code: c.programme?.milestones?.find((m) => !c.milestones?.[m.code])?.code ?? 'none' },
          // Issue 13 (only drawn when options.weights give them a weight): submit what the contract will plan.
          'submit-for-validation': fixtures.submitForValidation({ briques: [programmeBriques[0]] }).payload,
          'share-with-partner': fixtures.shareWithPartner({
            document: c.evaluation?.final ? 'end-of-measure-summary' : c.bilansCount > 0 ? 'bilan' : 'diagnostic-recommendations',
            householdAgreedOn: c.openedOn,
          }).payload,
          'complete-brique': { briqueCode: brique ?? '2.1', result: pick(['achieved', 'partly', 'not-achieved'] as const) },
          'record-final-evaluation': fixtures.recordFinalEvaluation({ endReason: pick(['housed', 'maintained', 'autonomous', 'abandoned'] as const) }).payload,
        };
        const fixture = (fixtures as unknown as Record<string, (o?: object) => { payload: unknown }>)[camel(type)];
        const payload = type in payloads ? payloads[type] : fixture ? fixture().payload : {};
        if (apply(type, payload)) break;
      }
    }
    out.push({ id, streamId: `trajectory-${id}`, events, snapshot, refusals, steps });
  }
  return out;
}

function camel(kebab: string): string {
  return kebab.replace(/-([a-z])/g, (_, ch: string) => ch.toUpperCase());
}
