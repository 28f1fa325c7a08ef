import { addDays, type CalendarDate } from '../../../../libs/domain/src';
import { describeTrajectoryCommand } from '../../../../workflows/trajectory/src';
import { DEMO_JOURNEYS, DEMO_PEOPLE, type DemoActor, demoConventions, demoSaisine, type DemoStep } from './demo-service';

/** How the seeder reaches the API: one request as one person. */
export type DemoCall = (method: 'GET' | 'POST', path: string, actor: DemoActor, body?: unknown) => Promise<{ status: number; body: unknown }>;

export class DemoRefused extends Error {}

export interface DemoSummary {
  households: number;
  byStage: Record<string, number>;
  conventions: number;
}

/**
 * Fills an empty service through the API, as its people would: conventions by the admin, saisines
 * and assignments by the coordinator, the rest by each household's referent. Every date is in the
 * past, counted back from today, so the deadlines it leaves are real ones.
 */
export async function seedDemo(call: DemoCall, today: CalendarDate, onProgress: (done: number, total: number) => void = () => undefined): Promise<DemoSummary> {
  const existing = await expectOk(call('GET', '/caseload?includeClosed=true&limit=1', DEMO_PEOPLE.coordinator), 'read the caseload');
  if ((existing as { total: number }).total > 0) {
    throw new DemoRefused(`the store already holds ${(existing as { total: number }).total} trajectories: the demo fills an empty one only (use a new DATA_DIR)`);
  }

  const conventionOf = new Map<string, string>();
  for (const convention of demoConventions(Number(today.slice(0, 4)))) {
    const created = (await expectOk(call('POST', '/conventions', DEMO_PEOPLE.admin, convention), 'create a convention')) as { id: string };
    conventionOf.set(String(convention.programme), created.id);
  }

  const total = DEMO_JOURNEYS.reduce((sum, j) => sum + j.startedDaysAgo.length, 0);
  const byStage: Record<string, number> = {};
  let n = 0;
  for (const journey of DEMO_JOURNEYS) {
    for (const daysAgo of journey.startedDaysAgo) {
      const programme = n % 3 === 2 ? 'avdl-generic' : 'asll-departement-x';
      const referent = DEMO_PEOPLE.referents[n % DEMO_PEOPLE.referents.length];
      await runJourney(call, journey.steps, { n, programme, conventionId: conventionOf.get(programme), referent, opened: addDays(today, -daysAgo), today });
      byStage[journey.stage] = (byStage[journey.stage] ?? 0) + 1;
      onProgress(++n, total);
    }
  }
  await readModelsCaughtUp(call);
  return { households: n, byStage, conventions: conventionOf.size };
}

const CATCH_UP_MS = 60_000;

/** The links printed next are opened at once: wait until the caseload and deadlines show every household (/health's lag). */
async function readModelsCaughtUp(call: DemoCall): Promise<void> {
  const deadline = Date.now() + CATCH_UP_MS;
  for (;;) {
    const { body } = await call('GET', '/health', DEMO_PEOPLE.coordinator);
    const lags = (body as { components?: { projections?: { projections?: { lag?: number }[] } } })?.components?.projections?.projections ?? [];
    if (lags.length > 0 && lags.every((p) => p.lag === 0)) return;
    if (Date.now() > deadline) throw new Error('demo: the read models did not catch up within 60 s; the households are recorded, the caseload will show them shortly');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

interface JourneyContext {
  n: number;
  programme: string;
  conventionId?: string;
  referent: DemoActor;
  opened: CalendarDate;
  today: CalendarDate;
}

async function runJourney(call: DemoCall, steps: DemoStep[], ctx: JourneyContext): Promise<void> {
  let trajectoryId = '';
  for (const step of steps) {
    const occurredAt = addDays(ctx.opened, step.day);
    // A step that would be in the future has not happened yet: the household stays where it is.
    if (occurredAt > ctx.today) return;
    const actor = step.by === 'coordinator' ? DEMO_PEOPLE.coordinator : ctx.referent;
    if (step.command === 'receive-saisine') {
      const answer = (await expectOk(call('POST', '/trajectories', actor, { ...demoSaisine(ctx.n, ctx.programme, ctx.conventionId), occurredAt }), 'receive a saisine')) as {
        trajectoryId: string;
      };
      trajectoryId = answer.trajectoryId;
      continue;
    }
    const example = describeTrajectoryCommand(step.command)?.examples[0] ?? {};
    const body = { ...example, ...(step.command === 'assign-referent' ? { referentId: ctx.referent.id } : {}), ...step.payload, occurredAt };
    await expectOk(call('POST', `/trajectories/${trajectoryId}/commands/${step.command}`, actor, body), `${step.command} on ${trajectoryId}`);
  }
}

async function expectOk(answer: Promise<{ status: number; body: unknown }>, what: string): Promise<unknown> {
  const { status, body } = await answer;
  if (status >= 200 && status < 300) return body;
  const problem = body as { code?: string; detail?: string } | undefined;
  throw new Error(`demo: could not ${what}: ${status} ${problem?.code ?? ''} ${problem?.detail ?? ''}`.trim());
}
