import { foldAsOf } from '../../engine/src';
import { trajectoryDeadlines } from './deadlines';
import { trajectoryFactsOf } from './obligations/trajectory-facts';
import { briqueStarted, contractSigned, diagnosticConcluded, firstContact, given, pointRecorded, resolveGiven, saisineReceived, suspended, toRecorded } from './testing';
import { createTrajectoryWorkflowV1 } from './trajectory.workflow';
import { testDeps } from './testing/test-installation';

describe('a trajectory as of a business date (foldAsOf)', () => {
  const definition = createTrajectoryWorkflowV1(testDeps());
  const stored = (...steps: Parameters<typeof given>) => toRecorded(resolveGiven(definition, steps).events);

  it('takes the events dated on or before the date, whenever recorded, and folds them in stream order', () => {
    const events = stored(
      saisineReceived({ on: '2026-01-02' }),
      firstContact('2026-01-05'),
      diagnosticConcluded('propose-accompaniment', { on: '2026-01-20' }),
      contractSigned({ on: '2026-01-31', months: 6 }),
      briqueStarted('2.1', '2026-02-02'),
      pointRecorded('2.1', '2026-03-10'),
      pointRecorded('2.1', '2026-03-01'), // recorded after the 10 March one, about 1 March
    );
    const { snapshot, applied, notApplied } = foldAsOf(definition, events, '2026-03-05');
    // Every event but the point dated 10 March, including the one dated 1 March recorded after it.
    expect(events.filter((e) => !applied.includes(e)).map((e) => [e.type, e.metadata.occurredAt])).toEqual([['PointRecorded', '2026-03-10']]);
    expect(applied[applied.length - 1]).toBe(events[events.length - 1]);
    expect(notApplied).toEqual([]);
    expect(snapshot.stage).toBe('briques');
    expect(trajectoryDeadlines(trajectoryFactsOf(applied)!).find((d) => d.kind === 'point')?.dueOn).toBe('2026-04-01');
  });

  it('leaves out, and lists, an event the workflow refuses in that order', () => {
    const events = stored(
      saisineReceived({ on: '2026-01-02' }),
      firstContact('2026-01-05'),
      diagnosticConcluded('propose-accompaniment', { on: '2026-01-20' }),
      contractSigned({ on: '2026-01-31', months: 6 }),
      suspended('2026-01-25'), // back-dated before the measure started (31 January): the rules accept it
    );
    // On 28 January the measure had not started: the suspension cannot apply, and is listed.
    const { applied, notApplied, snapshot } = foldAsOf(definition, events, '2026-01-28');
    expect(snapshot.stage).toBe('contract');
    expect(applied.map((e) => e.type)).not.toContain('MeasureSuspended');
    expect(notApplied).toEqual([expect.objectContaining({ version: events.length, type: 'MeasureSuspended' })]);
  });

  it('is empty before the opening', () => {
    const { applied, snapshot } = foldAsOf(definition, stored(saisineReceived({ on: '2026-01-02' })), '2026-01-01');
    expect(applied).toEqual([]);
    expect(snapshot.version).toBe(0);
  });
});
