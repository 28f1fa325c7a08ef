import type { StateValue } from 'xstate';
import type { Stage } from '../vocabulary/trajectory-terms';

/** { open: { briques: 'suspended' } } -> 'briques'; 'new' and 'closed' are their own stage. */
export function stageOf(value: StateValue): Stage {
  if (typeof value === 'string') return value as Stage;
  const open = (value as Record<string, StateValue>).open;
  if (open === undefined) return Object.keys(value)[0] as Stage;
  return (typeof open === 'string' ? open : Object.keys(open)[0]) as Stage;
}
