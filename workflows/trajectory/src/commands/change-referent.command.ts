import { compact, event, type TrajectoryCommandSpec } from './support/trajectory-command';

export interface ChangeReferentPayload {
  referentId: string;
  personal?: { handOverNote?: string };
}

export const changeReferent: TrajectoryCommandSpec<'change-referent'> = {
  produces: ['ReferentChanged'],
  read: (c) => compact({ referentId: c.str('referentId')!, personal: c.personal() }),
  decide: (p, { context }) =>
    [event('ReferentChanged', compact({ referentId: p.referentId, previousReferentId: context.referentId ?? '', personal: p.personal }))],
};
