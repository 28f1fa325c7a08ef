import { POINT_MODES, type PointMode } from '../vocabulary/trajectory-terms';
import { compact, event, type TrajectoryCommandSpec } from './support/trajectory-command';

export interface RecordPointPayload {
  briqueCode: string;
  mode: PointMode;
  /** The short written summary a point needs (domain.md §3). */
  personal?: { summary?: string };
}

export const recordPoint: TrajectoryCommandSpec<'record-point'> = {
  produces: ['PointRecorded'],
  read: (c) => compact({ briqueCode: c.str('briqueCode', { max: 60 })!, mode: c.oneOf('mode', POINT_MODES)!, personal: c.personal() }),
  decide: (p) => [event('PointRecorded', compact({ briqueCode: p.briqueCode, mode: p.mode, personal: p.personal }))],
};
