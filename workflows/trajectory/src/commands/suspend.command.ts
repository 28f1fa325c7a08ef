import { s, type Infer } from '../../../engine/src';
import { measureSuspendedEvent } from '../events/measure-suspended.event';
import { SUSPENSION_REASONS } from '../vocabulary/trajectory-terms';
import { personalText } from './support/fields';
import { compact, defineCommand, event } from './support/trajectory-command';

export const suspend = defineCommand({
  name: 'suspend',
  summary: { en: 'Suspend the measure', fr: 'Suspendre la mesure' },
  description: {
    en: 'Hospital, prison, unreachable: no point or bilan is due and no month is billed while suspended.',
    fr: 'Hospitalisation, incarcération, injoignable : aucun point ni bilan n’est dû et aucun mois n’est facturé pendant la suspension.',
  },
  payload: s.object({ reason: s.oneOf(SUSPENSION_REASONS, { label: { fr: 'Motif', en: 'Reason' }, example: 'hospital' }), personal: personalText.comment() }),
  example: { reason: 'hospital' },
  produces: [measureSuspendedEvent],
  decide: (p) => [event(measureSuspendedEvent, compact({ reason: p.reason, personal: p.personal }))],
});

export type SuspendPayload = Infer<typeof suspend.payload>;
