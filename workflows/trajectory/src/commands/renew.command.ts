import { addMonths } from '../../../../libs/domain/src';
import { compact, event, type TrajectoryCommandSpec } from './support/trajectory-command';

export interface RenewPayload {
  personal?: { justification?: string };
}

/** The renewal's length is the programme's, counted from the current end (not from today). */
export const renew: TrajectoryCommandSpec<'renew'> = {
  produces: ['MeasureRenewed'],
  read: (c) => compact({ personal: c.personal() }),
  decide: (p, { context, occurredAt }) => {
    const months = context.programme?.renewals.months ?? 0;
    const previousEndsOn = context.measure?.endsOn ?? occurredAt;
    return [
      event(
        'MeasureRenewed',
        compact({
          renewalNumber: (context.measure?.renewalsUsed ?? 0) + 1,
          months,
          previousEndsOn,
          endsOn: addMonths(previousEndsOn, months),
          personal: p.personal,
        }),
      ),
    ];
  },
};
