import { addMonths } from '../../../../libs/domain/src';
import { CONTRACT_PARTIES, type ContractParty } from '../vocabulary/trajectory-terms';
import { event, type TrajectoryCommandSpec } from './support/trajectory-command';
import type { TrajectoryEvent } from '../events';

export interface SignContractPayload {
  party: ContractParty;
}

/**
 * Records one signature; when it is the last one the contract requires, the measure starts on its
 * date (MeasureStarted), because the measure exists only once everyone has committed.
 */
export const signContract: TrajectoryCommandSpec<'sign-contract'> = {
  produces: ['ContractSigned'],
  read: (c) => ({ party: c.oneOf('party', CONTRACT_PARTIES)! }),
  decide: (p, { context, occurredAt }) => {
    const events: TrajectoryEvent[] = [event('ContractSigned', { party: p.party })];
    const contract = context.contract;
    if (contract && !contract.signatures[p.party]) {
      const signed = new Set([...Object.keys(contract.signatures), p.party]);
      if (contract.requiredParties.every((party) => signed.has(party))) {
        events.push(
          event('MeasureStarted', {
            startsOn: occurredAt,
            endsOn: addMonths(occurredAt, contract.durationMonths),
            durationMonths: contract.durationMonths,
            measureType: contract.measureType,
            programmeCode: context.programmeCode ?? '',
            conventionId: contract.conventionId,
          }),
        );
      }
    }
    return events;
  },
};
