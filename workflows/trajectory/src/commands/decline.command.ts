import type { Orientation } from '../vocabulary/orientation';
import { readOrientation } from './support/readers';
import { compact, event, type TrajectoryCommandSpec } from './support/trajectory-command';

export interface DeclinePayload {
  /** Required when declining at the contract stage: nobody is left without a solution. */
  orientation?: Orientation;
  personal?: { comment?: string };
}

/** At the saisine the household declines the measure; at the contract it declines the contract. */
export const decline: TrajectoryCommandSpec<'decline'> = {
  produces: ['SaisineDeclined', 'ContractDeclined'],
  read: (c) => compact({ orientation: c.obj('orientation', readOrientation, { optional: true }), personal: c.personal() }),
  decide: (p, { stage }) =>
    stage === 'contract'
      ? [event('ContractDeclined', compact({ orientation: p.orientation as Orientation, personal: p.personal }))]
      : [event('SaisineDeclined', compact({ orientation: p.orientation, personal: p.personal }))],
};
