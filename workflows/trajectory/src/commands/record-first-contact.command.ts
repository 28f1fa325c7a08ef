import { CONTACT_MODES, type ContactMode } from '../vocabulary/trajectory-terms';
import { compact, event, type TrajectoryCommandSpec } from './support/trajectory-command';

export interface RecordFirstContactPayload {
  mode: ContactMode;
  personal?: { summary?: string };
}

export const recordFirstContact: TrajectoryCommandSpec<'record-first-contact'> = {
  produces: ['FirstContactRecorded'],
  read: (c) => compact({ mode: c.oneOf('mode', CONTACT_MODES)!, personal: c.personal() }),
  decide: (p) => [event('FirstContactRecorded', compact({ mode: p.mode, personal: p.personal }))],
};
