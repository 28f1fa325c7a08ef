import { s, type Infer } from '../../../engine/src';
import { referentChangedEvent } from '../events/referent-changed.event';
import { actorId, personalText } from './support/fields';
import { compact, defineCommand, event } from './support/trajectory-command';

export const changeReferent = defineCommand({
  name: 'change-referent',
  summary: { en: 'Change the referent', fr: 'Changer de référent' },
  description: { en: 'The hand-over inside the service, with a note.', fr: 'Le passage de relais au sein du service, avec une note.' },
  payload: s.object({ referentId: actorId({ fr: 'Nouveau référent', en: 'New referent' }), personal: personalText.handOverNote() }),
  example: { referentId: 'referent-cesf-12', personal: { handOverNote: 'Weekly calls work best; the landlord is cooperative.' } },
  produces: [referentChangedEvent],
  decide: (p, { context }) =>
    [event(referentChangedEvent, compact({ referentId: p.referentId, previousReferentId: context.referentId ?? '', personal: p.personal }))],
});

export type ChangeReferentPayload = Infer<typeof changeReferent.payload>;
