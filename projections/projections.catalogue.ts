import { caseloadProjection } from './caseload/caseload.projection';
import type { Projection } from './core/projection.port';
import { deadlinesProjection } from './deadlines/deadlines.projection';
import { funderProjection } from './funder/funder.projection';
import { partnersProjection } from './partners/partners.projection';
import { retentionProjection } from './retention/retention.projection';

/**
 * The read models the worker (or the API with the embedded store) runs. A new projection is one
 * more entry here; projections needing configuration (the funder feeds) are added by the app that
 * has it, beside these.
 */
export function builtInProjections(): Projection[] {
  return [caseloadProjection(), deadlinesProjection(), funderProjection(), retentionProjection(), partnersProjection()];
}

export const BUILT_IN_PROJECTION_NAMES: readonly string[] = ['caseload', 'deadlines', 'funder', 'retention', 'partners'];
