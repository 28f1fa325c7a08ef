import { s, type Infer } from '../../../engine/src';
import { contractDeclinedEvent } from '../events/contract-declined.event';
import { saisineDeclinedEvent } from '../events/saisine-declined.event';
import type { Orientation } from '../vocabulary/orientation';
import { orientation, personalText } from './support/fields';
import { compact, defineCommand, event } from './support/trajectory-command';

/** At the saisine the household declines the measure; at the contract it declines the contract. */
export const decline = defineCommand({
  name: 'decline',
  summary: { en: 'Record that the household declines', fr: 'Enregistrer le refus du ménage' },
  description: {
    en: 'Adhesion is free: the refusal is recorded, never held against the household. At the contract stage an orientation is required.',
    fr: 'L’adhésion est libre : le refus est enregistré, jamais opposé au ménage. À l’étape du contrat, une orientation est obligatoire.',
  },
  payload: s.object({
    orientation: s.optional(orientation({ description: 'Required when declining at the contract stage: nobody is left without a solution.' })),
    personal: personalText.comment(),
  }),
  example: { orientation: { kind: 'ccas', partnerName: 'CCAS de Villeurbanne' } },
  produces: [saisineDeclinedEvent, contractDeclinedEvent],
  decide: (p, { stage }) =>
    stage === 'contract'
      ? [event(contractDeclinedEvent, compact({ orientation: p.orientation as Orientation, personal: p.personal }))]
      : [event(saisineDeclinedEvent, compact({ orientation: p.orientation, personal: p.personal }))],
});

export type DeclinePayload = Infer<typeof decline.payload>;
