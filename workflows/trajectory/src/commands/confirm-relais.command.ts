import { s, type Infer } from '../../../engine/src';
import { relaisConfirmedEvent } from '../events/relais-confirmed.event';
import type { Partner } from '../vocabulary/orientation';
import { personalText } from './support/fields';
import { compact, defineCommand, event } from './support/trajectory-command';

export const confirmRelais = defineCommand({
  name: 'confirm-relais',
  summary: { en: 'Confirm the relais', fr: 'Confirmer le relais' },
  description: { en: 'The partner has taken the household on: the trajectory closes.', fr: 'Le partenaire a pris le ménage en charge : le parcours se clôt.' },
  payload: s.object({ personal: personalText.comment() }),
  example: {},
  produces: [relaisConfirmedEvent],
  decide: (p, { context }) =>
    [event(relaisConfirmedEvent, compact({ partner: context.relais?.partner ?? ({ kind: 'other' } as Partner), personal: p.personal }))],
});

export type ConfirmRelaisPayload = Infer<typeof confirmRelais.payload>;
