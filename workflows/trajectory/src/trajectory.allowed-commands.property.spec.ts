import fc from 'fast-check';
import { addDays, FixedClock } from '../../../libs/domain/src';
import { allowedCommandsOf, decide, initialSnapshot } from '../../engine/src';
import { SequentialIds } from '../../engine/src/testing/in-memory-workflow-store';
import { pickCommand, payloadFor, type Pick } from './testing/command-generator';
import { receiveSaisine, SCHEDULE_TEST, testDeps } from './testing';
import { createTrajectoryWorkflowV1, createTrajectoryWorkflowV2, type TrajectorySnapshot } from './trajectory.workflow';

// schedule-test: briques before the contract and milestones (issue 17), so their commands are checked too.
const deps = testDeps({ programmes: [SCHEDULE_TEST] });
const definitions = { 1: createTrajectoryWorkflowV1(deps), 2: createTrajectoryWorkflowV2(deps) };
const actor = { id: 'referent-1', role: 'referent' as const };
const clock = new FixedClock('2035-01-01T12:00:00Z');
/** Constant choices 0..7 reach every brique of a programme (7 at most) and every party, outcome and mode a payload names. */
const SWEEP = 8;
const constant =
  (j: number): Pick =>
  (n) =>
    n <= 1 ? 0 : j % n;

interface Check {
  listed: number;
  unlisted: number;
  stages: Set<string>;
}

/**
 * A random journey; after each step, on the step's date (or an earlier one), every listed command
 * must be accepted for one of the payloads tried and every other command refused for all of them.
 */
function checkJourney(version: 1 | 2, programmeCode: string, choices: number[], check: Check): void {
  const definition = definitions[version];
  let cursor = 0;
  const pick: Pick = (n) => (n <= 1 ? 0 : choices[cursor++ % choices.length] % n);
  const ids = new SequentialIds();
  const run = (snapshot: TrajectorySnapshot, type: string, payload: unknown, occurredAt: string) =>
    decide(definition, snapshot, { type, payload }, { actor, occurredAt }, { clock, ids });
  const saisine = { ...(receiveSaisine().payload as object), programmeCode };
  const candidates = (command: string, snapshot: TrajectorySnapshot, tries: number): unknown[] =>
    command === 'receive-saisine' ? [saisine] : [...Array.from({ length: tries }, (_, j) => payloadFor(command, snapshot.context, constant(j))), payloadFor(command, snapshot.context, pick)];

  const verify = (snapshot: TrajectorySnapshot, on: string) => {
    const allowed = allowedCommandsOf(definition, snapshot, on);
    check.stages.add(snapshot.stage);
    for (const command of Object.keys(definition.commands)) {
      const where = `${command} on ${on} at ${snapshot.stage} (v${version}, ${programmeCode}, version ${snapshot.version})`;
      if (allowed.includes(command)) {
        const refusals = [];
        let accepted = false;
        for (const payload of candidates(command, snapshot, SWEEP)) {
          const decision = run(snapshot, command, payload, on);
          if (decision.accepted) {
            accepted = true;
            break;
          }
          refusals.push(decision.refusal.code);
        }
        if (!accepted) throw new Error(`${where} is listed but every payload tried was refused: ${refusals.join(', ')}`);
        check.listed++;
      } else {
        for (const payload of candidates(command, snapshot, 2)) {
          if (run(snapshot, command, payload, on).accepted) throw new Error(`${where} is not listed but was accepted with ${JSON.stringify(payload)}`);
        }
        check.unlisted++;
      }
    }
  };

  let snapshot = initialSnapshot(definition);
  let date = '2026-01-02';
  verify(snapshot, date);
  for (let step = 0; step < 30 && snapshot.status === 'active'; step++) {
    const command = step === 0 ? 'receive-saisine' : pickCommand(pick, allowedCommandsOf(definition, snapshot, date), snapshot.context);
    const decision = run(snapshot, command, command === 'receive-saisine' ? saisine : payloadFor(command, snapshot.context, pick), date);
    if (decision.accepted) snapshot = decision.snapshot;
    date = addDays(date, pick(4) === 0 ? pick(60) : pick(8));
    // Now and then a date in the past: before the last events, sometimes before the opening.
    verify(snapshot, pick(6) === 0 ? addDays(date, -pick(90)) : date);
  }
}

describe('allowedCommands is honest (property)', () => {
  it('on every date of a random journey, a listed command is accepted for a valid payload and an unlisted one is refused', () => {
    const check: Check = { listed: 0, unlisted: 0, stages: new Set() };
    fc.assert(
      fc.property(
        fc.constantFrom<1 | 2>(1, 2),
        fc.constantFrom('asll-test', 'gla-test', 'asll-validated-test'),
        fc.array(fc.nat({ max: 1_000 }), { minLength: 20, maxLength: 120 }),
        (version, programme, choices) => checkJourney(version, programme, choices, check),
      ),
      { numRuns: 40, seed: 20261201 },
    );
    // The journeys reach every stage, and both answers are exercised.
    for (const stage of ['new', 'saisine', 'diagnostic', 'contract', 'briques', 'evaluation', 'relais', 'veille', 'closed']) expect(check.stages).toContain(stage);
    expect(check.listed).toBeGreaterThan(1_000);
    expect(check.unlisted).toBeGreaterThan(10_000);
  });

  it('under a programme with briques before the contract and milestones (issue 17), too', () => {
    const check: Check = { listed: 0, unlisted: 0, stages: new Set() };
    fc.assert(
      fc.property(fc.constantFrom<1 | 2>(1, 2), fc.array(fc.nat({ max: 1_000 }), { minLength: 20, maxLength: 120 }), (version, choices) => checkJourney(version, 'schedule-test', choices, check)),
      { numRuns: 30, seed: 20261202 },
    );
    for (const stage of ['saisine', 'diagnostic', 'contract', 'briques']) expect(check.stages).toContain(stage);
    expect(check.listed).toBeGreaterThan(500);
  });
});
