import { s, type Infer } from '../../../engine/src';
import { briqueCompletedEvent } from '../events/brique-completed.event';
import { BRIQUE_RESULTS } from '../vocabulary/trajectory-terms';
import { briqueCode, personalText } from './support/fields';
import { compact, defineCommand, event } from './support/trajectory-command';

export const completeBrique = defineCommand({
  name: 'complete-brique',
  summary: { en: 'Complete a brique', fr: 'Terminer une brique' },
  description: { en: 'Achieved, partly or not achieved.', fr: 'Atteinte, en partie ou non atteinte.' },
  payload: s.object({
    briqueCode: briqueCode(),
    result: s.oneOf(BRIQUE_RESULTS, { label: { fr: 'Résultat', en: 'Result' }, example: 'achieved' }),
    personal: personalText.comment(),
  }),
  example: { briqueCode: '2.1', result: 'achieved' },
  produces: [briqueCompletedEvent],
  decide: (p) => [event(briqueCompletedEvent, compact({ briqueCode: p.briqueCode, result: p.result, personal: p.personal }))],
});

export type CompleteBriquePayload = Infer<typeof completeBrique.payload>;
