import type { MachineEvent } from '../../../../engine/src';
import type { TrajectoryContext } from '../../trajectory-context';
import { afterMeasureReducers } from './after-measure.evolve';
import { briquesReducers } from './briques.evolve';
import { contractReducers } from './contract.evolve';
import { diagnosticReducers } from './diagnostic.evolve';
import type { Reducers } from './reducer';
import { saisineReducers } from './saisine.evolve';
import { sharingReducers } from './sharing.evolve';

const reducers: Reducers = { ...saisineReducers, ...diagnosticReducers, ...contractReducers, ...briquesReducers, ...afterMeasureReducers, ...sharingReducers };

/**
 * The context after an accepted event. XState's assign() merges what it is given into the context,
 * so a member a reducer dropped is handed back as undefined to really clear it; the engine strips
 * undefined members from the plain snapshot, so live and replayed contexts are equal.
 */
export function applyEvent(context: TrajectoryContext, event: MachineEvent): TrajectoryContext {
  const reducer = reducers[event.type as keyof Reducers] as ((c: TrajectoryContext, d: unknown, on: string) => TrajectoryContext) | undefined;
  if (!reducer) return context;
  const next = reducer(context, event.data, event.occurredAt) as unknown as Record<string, unknown>;
  const cleared = Object.fromEntries(Object.keys(context).filter((k) => !(k in next)).map((k) => [k, undefined]));
  return { ...cleared, ...next } as unknown as TrajectoryContext;
}
