import { endVeille, finalEvaluation, given, toRecorded, veilleStarted } from '../../workflows/trajectory/src/testing';
import { contractSigned, diagnosticConcluded, evaluationStarted, firstContact, saisineReceived } from '../../workflows/trajectory/src/testing';
import type { TrajectoryEventType } from '../../workflows/trajectory/src';
import { computeYearlyReport } from './report.calculator';
import { CONVENTION, factsOf } from './testing/funder-fixtures';

/**
 * Issue 12 §3: a veille ended without naming an end reason takes the final evaluation's, as close
 * does, so households whose evaluation said "maintained" are reported as maintained (not 0).
 */
describe('the end reason of a veille in the yearly report', () => {
  function maintainedThenVeilleEnded(householdId: string): ReturnType<typeof factsOf> {
    const steps = [
      saisineReceived({ on: '2026-01-02', conventionId: CONVENTION.id }),
      firstContact('2026-01-05'),
      diagnosticConcluded('propose-accompaniment', { on: '2026-01-20' }),
      contractSigned({ on: '2026-02-01', months: 6 }),
      evaluationStarted('2026-07-15'),
      finalEvaluation({ on: '2026-07-20', endReason: 'maintained' }),
      veilleStarted('2026-07-25'),
    ];
    const scenario = given(...steps);
    // The command as the API runs it, without an end reason.
    const then = scenario.when(endVeille({ occurredAt: '2026-11-30' })).thenEvents({ type: 'VeilleEnded', data: { endReason: 'maintained' } });
    if (!then.decision.accepted) throw new Error('refused');
    const produced = then.decision.events.map((e) => ({ type: e.type as TrajectoryEventType, data: e.data, occurredAt: '2026-11-30' }));
    const recorded = toRecorded([...scenario.resolved.events, ...produced]);
    (recorded[0].data as { householdId: string }).householdId = householdId;
    return factsOf(recorded as never);
  }

  it('counts five households maintained after their veille ended with the default reason', () => {
    const facts = Array.from({ length: 5 }, (_, i) => maintainedThenVeilleEnded(`00000000-0000-4000-8000-00000000000${i}`));
    expect(facts.map((f) => f.endReason)).toEqual(['maintained', 'maintained', 'maintained', 'maintained', 'maintained']);
    const report = computeYearlyReport(CONVENTION, facts, 2026, '2026-12-31');
    expect(report.outcomes).toEqual({ housed: 0, maintained: 5, abandoned: 0 });
  });
});
