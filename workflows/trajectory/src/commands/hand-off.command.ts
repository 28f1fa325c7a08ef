import type { Partner } from '../vocabulary/orientation';
import { readOrientation } from './support/readers';
import { compact, event, type TrajectoryCommandSpec } from './support/trajectory-command';

export interface HandOffPayload {
  partner: Partner;
  personal?: { handOverNote?: string; partnerContact?: string };
}

export const handOff: TrajectoryCommandSpec<'hand-off'> = {
  produces: ['HandedOff'],
  read: (c) => compact({ partner: c.obj('partner', readOrientation)!, personal: c.personal() }),
  decide: (p) => [event('HandedOff', compact({ partner: p.partner, personal: p.personal }))],
};
