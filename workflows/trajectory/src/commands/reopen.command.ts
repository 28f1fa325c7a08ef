import { compact, event, type TrajectoryCommandSpec } from './support/trajectory-command';

export interface ReopenPayload {
  personal?: { comment?: string };
}

export const reopen: TrajectoryCommandSpec<'reopen'> = {
  produces: ['TrajectoryReopened'],
  read: (c) => compact({ personal: c.personal() }),
  decide: (p, { context }) => [event('TrajectoryReopened', compact({ cycle: context.cycle + 1, personal: p.personal }))],
};
