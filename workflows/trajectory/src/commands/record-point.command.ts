import { s, type Infer } from '../../../engine/src';
import { pointRecordedEvent } from '../events/point-recorded.event';
import { POINT_MODES, POINT_PARTIES } from '../vocabulary/trajectory-terms';
import { briqueCode, personalText } from './support/fields';
import { compact, defineCommand, event } from './support/trajectory-command';

export const recordPoint = defineCommand({
  name: 'record-point',
  summary: { en: 'Record a point', fr: 'Enregistrer un point' },
  description: {
    en: 'A monthly point, home visit, office meeting, phone call, collective session, tripartite or synthesis meeting on an active brique, with who was present and a short summary.',
    fr: 'Un point mensuel, une visite à domicile, un rendez-vous au bureau, un appel, une séance collective, une rencontre tripartite ou une réunion de synthèse sur une brique active, avec les parties présentes et une courte synthèse.',
  },
  payload: s.object({
    briqueCode: briqueCode(),
    mode: s.oneOf(POINT_MODES, { label: { fr: 'Modalité', en: 'Mode' }, example: 'home-visit' }),
    /** Who was present: categorical (names go to `personal`). Meetings with the landlord count for a landlord cadence. */
    parties: s.optional(
      s.list(s.oneOf(POINT_PARTIES, { label: { fr: 'Partie', en: 'Party' }, example: 'landlord' }), {
        minItems: 1,
        maxItems: POINT_PARTIES.length,
        uniqueItems: true,
        label: { fr: 'Parties présentes', en: 'Parties present' },
        description: 'Who took part: household, referent, landlord, prescriber, partner. Categorical only.',
      }),
    ),
    /** The short written summary a point needs (domain.md §3). */
    personal: personalText.summary(),
  }),
  example: { briqueCode: '2.1', mode: 'home-visit', parties: ['household', 'referent'], personal: { summary: 'Visite à domicile : le ménage a repris le paiement du loyer.' } },
  produces: [pointRecordedEvent],
  decide: (p) => [
    event(
      pointRecordedEvent,
      // Parties in the vocabulary's order, so the same meeting always reads (and hashes) the same.
      compact({ briqueCode: p.briqueCode, mode: p.mode, parties: p.parties && POINT_PARTIES.filter((party) => p.parties?.includes(party)), personal: p.personal }),
    ),
  ],
});

export type RecordPointPayload = Infer<typeof recordPoint.payload>;
