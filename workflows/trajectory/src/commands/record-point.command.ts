import { s, type Infer } from '../../../engine/src';
import { pointRecordedEvent } from '../events/point-recorded.event';
import { POINT_MODES } from '../vocabulary/trajectory-terms';
import { briqueCode, personalText } from './support/fields';
import { compact, defineCommand, event } from './support/trajectory-command';

export const recordPoint = defineCommand({
  name: 'record-point',
  summary: { en: 'Record a point', fr: 'Enregistrer un point' },
  description: {
    en: 'A monthly point, home visit, office meeting, phone call or collective session on an active brique, with a short summary.',
    fr: 'Un point mensuel, une visite à domicile, un rendez-vous au bureau, un appel ou une séance collective sur une brique active, avec une courte synthèse.',
  },
  payload: s.object({
    briqueCode: briqueCode(),
    mode: s.oneOf(POINT_MODES, { label: { fr: 'Modalité', en: 'Mode' }, example: 'home-visit' }),
    /** The short written summary a point needs (domain.md §3). */
    personal: personalText.summary(),
  }),
  example: { briqueCode: '2.1', mode: 'home-visit', personal: { summary: 'Visite à domicile : le ménage a repris le paiement du loyer.' } },
  produces: [pointRecordedEvent],
  decide: (p) => [event(pointRecordedEvent, compact({ briqueCode: p.briqueCode, mode: p.mode, personal: p.personal }))],
});

export type RecordPointPayload = Infer<typeof recordPoint.payload>;
