import { s, type Infer } from '../../../engine/src';
import { handedOffEvent } from '../events/handed-off.event';
import { code, longText, orientation, personal } from './support/fields';
import { compact, defineCommand, event } from './support/trajectory-command';

export const handOff = defineCommand({
  name: 'hand-off',
  summary: { en: 'Hand off to a partner (relais)', fr: 'Passer le relais à un partenaire' },
  description: { en: 'The trajectory stays in relais until the partner confirms.', fr: 'Le parcours reste en relais jusqu’à la confirmation du partenaire.' },
  payload: s.object({
    partner: orientation({ label: { fr: 'Partenaire', en: 'Partner' }, description: 'The partner taking the household on.' }),
    partnerId: s.optional(
      code(
        { en: 'a partner id', fr: 'un identifiant de partenaire' },
        { label: { fr: 'Identifiant du partenaire', en: 'Partner id' }, description: 'The partner’s account (`partner:<id>`), which may then confirm the relais itself.', example: 'ccas-villeurbanne' },
      ),
    ),
    personal: personal({
      handOverNote: s.optional(longText({ fr: 'Note de passation', en: 'Hand-over note' }, 'Weekly calls work best; the landlord is cooperative.')),
      partnerContact: s.optional(longText({ fr: 'Contact chez le partenaire', en: 'Partner contact' }, 'M. Bernard, CCAS, 04 78 00 00 00')),
    }),
  }),
  example: { partner: { kind: 'ccas', partnerName: 'CCAS de Villeurbanne' }, partnerId: 'ccas-villeurbanne' },
  produces: [handedOffEvent],
  decide: (p) => [event(handedOffEvent, compact({ partner: p.partner, partnerId: p.partnerId, personal: p.personal }))],
});

export type HandOffPayload = Infer<typeof handOff.payload>;
