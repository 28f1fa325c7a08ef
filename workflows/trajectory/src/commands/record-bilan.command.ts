import { s, type Infer } from '../../../engine/src';
import { bilanRecordedEvent } from '../events/bilan-recorded.event';
import { personalText } from './support/fields';
import { compact, defineCommand, event } from './support/trajectory-command';

export const recordBilan = defineCommand({
  name: 'record-bilan',
  summary: { en: 'Record a bilan', fr: 'Enregistrer un bilan' },
  description: { en: 'The intermediate review; the next one is due bilanEveryMonths later.', fr: 'Le bilan intermédiaire ; le suivant est dû bilanEveryMonths mois plus tard.' },
  payload: s.object({ personal: personalText.summary() }),
  example: { personal: { summary: 'Bilan intermédiaire : dette résorbée de moitié.' } },
  produces: [bilanRecordedEvent],
  decide: (p, { context }) => [event(bilanRecordedEvent, compact({ number: context.bilansCount + 1, personal: p.personal }))],
});

export type RecordBilanPayload = Infer<typeof recordBilan.payload>;
