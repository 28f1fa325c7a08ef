import { addMonths } from '../../../../libs/domain/src';
import { s, type Infer } from '../../../engine/src';
import { contractSignedEvent } from '../events/contract-signed.event';
import { measureStartedEvent } from '../events/measure-started.event';
import { CONTRACT_PARTIES } from '../vocabulary/trajectory-terms';
import { defineCommand, event } from './support/trajectory-command';

/**
 * Records one signature; when it is the last one the contract requires, the measure starts on its
 * date (MeasureStarted), because the measure exists only once everyone has committed.
 */
export const signContract = defineCommand({
  name: 'sign-contract',
  summary: { en: 'Record a signature of the contract', fr: 'Enregistrer une signature du contrat' },
  description: {
    en: 'One party signs (household, referent, landlord when there is one). The last required signature starts the measure on its date.',
    fr: 'Une partie signe (ménage, référent, bailleur s’il y en a un). La dernière signature requise fait commencer la mesure à sa date.',
  },
  payload: s.object({ party: s.oneOf(CONTRACT_PARTIES, { label: { fr: 'Signataire', en: 'Signing party' }, example: 'household' }) }),
  example: { party: 'household' },
  produces: [contractSignedEvent, measureStartedEvent],
  // MeasureStarted only ever follows a signature: the command is offered where a signature is.
  offeredOn: ['ContractSigned'],
  decide: (p, { context, occurredAt }) => {
    const events = [event(contractSignedEvent, { party: p.party })];
    const contract = context.contract;
    if (!contract || contract.signatures[p.party]) return events;
    const signed = new Set([...Object.keys(contract.signatures), p.party]);
    if (!contract.requiredParties.every((party) => signed.has(party))) return events;
    const started = event(measureStartedEvent, {
      startsOn: occurredAt,
      endsOn: addMonths(occurredAt, contract.durationMonths),
      durationMonths: contract.durationMonths,
      measureType: contract.measureType,
      programmeCode: context.programmeCode ?? '',
      conventionId: contract.conventionId,
    });
    return [...events, started];
  },
});

export type SignContractPayload = Infer<typeof signContract.payload>;
