import { addMonths } from '../../../../libs/domain/src';
import { s, type Infer } from '../../../engine/src';
import { measureRenewedEvent } from '../events/measure-renewed.event';
import { longText, personal } from './support/fields';
import { compact, defineCommand, event } from './support/trajectory-command';

/** The renewal's length is the programme's, counted from the current end (not from today). */
export const renew = defineCommand({
  name: 'renew',
  summary: { en: 'Renew the measure', fr: 'Renouveler la mesure' },
  description: {
    en: 'Extends the measure; limited by the programme and needs a bilan in the last 30 days.',
    fr: 'Prolonge la mesure ; limité par le dispositif, demande un bilan de moins de 30 jours.',
  },
  payload: s.object({
    personal: personal({ justification: s.optional(longText({ fr: 'Justification', en: 'Justification' }, 'The household is about to sign a lease; three more months are needed.')) }),
  }),
  example: { personal: { justification: 'Le ménage va signer un bail ; trois mois de plus sont nécessaires.' } },
  produces: [measureRenewedEvent],
  decide: (p, { context, occurredAt }) => {
    const months = context.programme?.renewals.months ?? 0;
    const previousEndsOn = context.measure?.endsOn ?? occurredAt;
    return [
      event(
        measureRenewedEvent,
        compact({ renewalNumber: (context.measure?.renewalsUsed ?? 0) + 1, months, previousEndsOn, endsOn: addMonths(previousEndsOn, months), personal: p.personal }),
      ),
    ];
  },
});

export type RenewPayload = Infer<typeof renew.payload>;
