import { compact, event, type TrajectoryCommandSpec } from './support/trajectory-command';

export interface RecordBilanPayload {
  personal?: { summary?: string };
}

export const recordBilan: TrajectoryCommandSpec<'record-bilan'> = {
  produces: ['BilanRecorded'],
  read: (c) => compact({ personal: c.personal() }),
  decide: (p, { context }) => [event('BilanRecorded', compact({ number: context.bilansCount + 1, personal: p.personal }))],
};
