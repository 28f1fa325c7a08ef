import { addDays, addMonths, type CalendarDate } from '../../libs/domain/src';
import { TrajectoryJourney } from './trajectory-events.builder';

/** Deterministic PRNG (mulberry32), so a benchmark run can be repeated event for event. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SyntheticOptions {
  seed?: number;
  referents?: number;
  conventionId?: string;
  /** Latest business date any event may carry. */
  until?: CalendarDate;
  /** Share of trajectories left open (not evaluated or closed). */
  openShare?: number;
}

/**
 * One plausible trajectory in the shapes the workflow records (saisine to closing, with points,
 * bilans, a suspension now and then), for load: benchmarks append thousands of these directly,
 * far faster than through the workflow's guards.
 */
export function syntheticTrajectory(rnd: () => number, options: SyntheticOptions = {}): TrajectoryJourney {
  const referent = `referent-${1 + Math.floor(rnd() * (options.referents ?? 40))}`;
  const until = options.until ?? '2026-12-31';
  const j = new TrajectoryJourney({ conventionId: options.conventionId ?? 'conv-bench' });
  let d: CalendarDate = addDays('2025-01-01', Math.floor(rnd() * 600));
  const step = (days: number): CalendarDate => (d = addDays(d, 1 + Math.floor(rnd() * days)));
  const open = rnd() < (options.openShare ?? 0.5);
  j.saisine(d).assign(step(5), referent);
  if (rnd() < 0.1 || d > until) return j;
  j.firstContact(step(15)).grid(step(10));
  const outcome = rnd();
  if (outcome < 0.1) return j.conclude(step(20), 'autonomous');
  if (outcome < 0.15) return j.conclude(step(20), 'orient-existing').confirmRelais(step(30));
  j.conclude(step(20)).draft(step(10)).sign(step(5), 'household').sign(step(3), 'referent');
  const start = step(3);
  j.measureStarted(start, addMonths(start, 6)).brique(start, '2.1').brique(start, '2.5');
  const months = 2 + Math.floor(rnd() * 7);
  for (let m = 1; m <= months; m++) {
    const pointOn = addDays(addMonths(start, m), -Math.floor(rnd() * 10));
    if (pointOn > until) break;
    d = pointOn;
    j.point(d, '2.1');
    if (rnd() < 0.5) j.point(d, '2.5');
    if (m % 3 === 0) j.bilan(d, m / 3);
    if (rnd() < 0.05) {
      const resumeOn = step(40);
      j.suspend(addDays(resumeOn, -20)).resume(resumeOn, addDays(resumeOn, -20), 20);
    }
  }
  if (open) return j;
  j.completeBrique(step(5), '2.1').startEvaluation(step(5), addMonths(start, 6)).finalEvaluation(step(10), rnd() < 0.6 ? 'housed' : 'maintained');
  return j.close(step(5), rnd() < 0.6 ? 'housed' : 'maintained');
}
