import type { Projection } from '../../../projections/core/projection.port';
import { builtInProjections } from '../../../projections/projections.catalogue';

/** The projections this worker runs: the built-in read models, plus any that need configuration from env. */
export function workerProjections(_env: NodeJS.ProcessEnv): Projection[] {
  return builtInProjections();
}
