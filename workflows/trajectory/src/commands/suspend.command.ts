import { SUSPENSION_REASONS, type SuspensionReason } from '../vocabulary/trajectory-terms';
import { compact, event, type TrajectoryCommandSpec } from './support/trajectory-command';

export interface SuspendPayload {
  reason: SuspensionReason;
  personal?: { comment?: string };
}

export const suspend: TrajectoryCommandSpec<'suspend'> = {
  produces: ['MeasureSuspended'],
  read: (c) => compact({ reason: c.oneOf('reason', SUSPENSION_REASONS)!, personal: c.personal() }),
  decide: (p) => [event('MeasureSuspended', compact({ reason: p.reason, personal: p.personal }))],
};
