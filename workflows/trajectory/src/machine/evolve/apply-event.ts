import type { MachineEvent } from '../../../../engine/src';
import type { TrajectoryContext } from '../../trajectory-context';
import { afterMeasureReducers } from './after-measure.evolve';
import { briquesReducers } from './briques.evolve';
import { contractReducers } from './contract.evolve';
import { diagnosticReducers } from './diagnostic.evolve';
import type { Reducers } from './reducer';
import { saisineReducers } from './saisine.evolve';

const reducers: Reducers = { ...saisineReducers, ...diagnosticReducers, ...contractReducers, ...briquesReducers, ...afterMeasureReducers };

/** The context after an accepted event; undefined members are dropped so live and replayed contexts are equal. */
export function applyEvent(context: TrajectoryContext, event: MachineEvent): TrajectoryContext {
  const reducer = reducers[event.type as keyof Reducers] as ((c: TrajectoryContext, d: unknown, on: string) => TrajectoryContext) | undefined;
  if (!reducer) return context;
  const next = reducer(context, event.data, event.occurredAt);
  return JSON.parse(JSON.stringify(next)) as TrajectoryContext;
}
