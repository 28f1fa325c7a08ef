import { s, type Infer } from '../../../engine/src';
import { veilleVisitRecordedEvent } from '../events/veille-visit-recorded.event';
import { VEILLE_VISIT_MODES } from '../vocabulary/trajectory-terms';
import { personalText } from './support/fields';
import { compact, defineCommand, event } from './support/trajectory-command';

export const recordVeilleVisit = defineCommand({
  name: 'record-veille-visit',
  summary: { en: 'Record a veille visit', fr: 'Enregistrer une visite de veille' },
  description: { en: 'The annual visit of the watch.', fr: 'La visite annuelle de la veille.' },
  payload: s.object({ mode: s.oneOf(VEILLE_VISIT_MODES, { label: { fr: 'Modalité', en: 'Mode' }, example: 'home-visit' }), personal: personalText.summary() }),
  example: { mode: 'home-visit' },
  produces: [veilleVisitRecordedEvent],
  decide: (p) => [event(veilleVisitRecordedEvent, compact({ mode: p.mode, personal: p.personal }))],
});

export type RecordVeilleVisitPayload = Infer<typeof recordVeilleVisit.payload>;
