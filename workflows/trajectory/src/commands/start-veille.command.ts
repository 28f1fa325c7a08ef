import { compact, event, type TrajectoryCommandSpec } from './support/trajectory-command';

export interface StartVeillePayload {
  personal?: { comment?: string };
}

export const startVeille: TrajectoryCommandSpec<'start-veille'> = {
  produces: ['VeilleStarted'],
  read: (c) => compact({ personal: c.personal() }),
  decide: (p) => [event('VeilleStarted', compact({ personal: p.personal }))],
};
