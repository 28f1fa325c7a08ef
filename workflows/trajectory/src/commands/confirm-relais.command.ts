import type { Partner } from '../vocabulary/orientation';
import { compact, event, type TrajectoryCommandSpec } from './support/trajectory-command';

export interface ConfirmRelaisPayload {
  personal?: { comment?: string };
}

export const confirmRelais: TrajectoryCommandSpec<'confirm-relais'> = {
  produces: ['RelaisConfirmed'],
  read: (c) => compact({ personal: c.personal() }),
  decide: (p, { context }) =>
    [event('RelaisConfirmed', compact({ partner: context.relais?.partner ?? ({ kind: 'other' } as Partner), personal: p.personal }))],
};
