import { VEILLE_VISIT_MODES, type VeilleVisitMode } from '../vocabulary/trajectory-terms';
import { compact, event, type TrajectoryCommandSpec } from './support/trajectory-command';

export interface RecordVeilleVisitPayload {
  mode: VeilleVisitMode;
  personal?: { summary?: string };
}

export const recordVeilleVisit: TrajectoryCommandSpec<'record-veille-visit'> = {
  produces: ['VeilleVisitRecorded'],
  read: (c) => compact({ mode: c.oneOf('mode', VEILLE_VISIT_MODES)!, personal: c.personal() }),
  decide: (p) => [event('VeilleVisitRecorded', compact({ mode: p.mode, personal: p.personal }))],
};
