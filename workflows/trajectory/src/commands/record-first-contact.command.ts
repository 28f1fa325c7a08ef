import { s, type Infer } from '../../../engine/src';
import { firstContactRecordedEvent } from '../events/first-contact-recorded.event';
import { CONTACT_MODES } from '../vocabulary/trajectory-terms';
import { personalText } from './support/fields';
import { compact, defineCommand, event } from './support/trajectory-command';

export const recordFirstContact = defineCommand({
  name: 'record-first-contact',
  summary: { en: 'Record the first contact', fr: 'Enregistrer le premier contact' },
  description: { en: 'Needs a referent; moves the trajectory to diagnostic.', fr: 'Demande un référent ; fait passer le parcours au diagnostic.' },
  payload: s.object({
    mode: s.oneOf(CONTACT_MODES, { label: { fr: 'Modalité du contact', en: 'Contact mode' }, example: 'home-visit' }),
    personal: personalText.summary(),
  }),
  example: { mode: 'home-visit' },
  produces: [firstContactRecordedEvent],
  decide: (p) => [event(firstContactRecordedEvent, compact({ mode: p.mode, personal: p.personal }))],
});

export type RecordFirstContactPayload = Infer<typeof recordFirstContact.payload>;
