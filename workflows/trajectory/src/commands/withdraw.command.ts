import { s, type Infer } from '../../../engine/src';
import { trajectoryWithdrawnEvent } from '../events/trajectory-withdrawn.event';
import type { Stage } from '../vocabulary/trajectory-terms';
import { orientation, personalText } from './support/fields';
import { compact, defineCommand, event } from './support/trajectory-command';

export const withdraw = defineCommand({
  name: 'withdraw',
  summary: { en: 'Withdraw (the household ends it)', fr: 'Fin à l’initiative du ménage' },
  description: { en: 'At any open stage; an orientation is recorded.', fr: 'À toute étape ouverte ; une orientation est enregistrée.' },
  payload: s.object({ orientation: orientation({ description: 'Where the household was sent.' }), personal: personalText.comment() }),
  example: { orientation: { kind: 'ccas', partnerName: 'CCAS de Villeurbanne' } },
  produces: [trajectoryWithdrawnEvent],
  decide: (p, { stage }) => [event(trajectoryWithdrawnEvent, compact({ fromStage: stage as Stage, orientation: p.orientation, personal: p.personal }))],
});

export type WithdrawPayload = Infer<typeof withdraw.payload>;
