import { dataOf, orientationRequired, type TrajectoryRule, type TrajectoryRuleBook } from './trajectory-rule';

const contractRequired: TrajectoryRule = {
  code: 'contract-required',
  reason: 'Draft the contract before it is signed.',
  holds: (c) => c.contract !== undefined,
  contextOnly: true,
};

export const contractRules: TrajectoryRuleBook = {
  canDraftContract: [
    {
      code: 'brique-not-allowed',
      reason: (c, e) => {
        const refused = dataOf(e, 'ContractDrafted').briques.filter((b) => !c.programme?.allowedBriques.includes(b));
        return `The programme ${c.programmeCode} does not allow the brique(s) ${refused.join(', ')}.`;
      },
      holds: (c, e) => dataOf(e, 'ContractDrafted').briques.every((b) => c.programme?.allowedBriques.includes(b) === true),
    },
  ],
  canSignContract: [
    contractRequired,
    {
      code: 'landlord-not-on-contract',
      reason: 'The contract names no landlord: only the household and the referent sign it.',
      holds: (c, e) => dataOf(e, 'ContractSigned').party !== 'landlord' || c.contract?.landlord !== undefined,
    },
    {
      code: 'already-signed',
      reason: (c, e) => `The ${dataOf(e, 'ContractSigned').party} already signed this contract on ${c.contract?.signatures[dataOf(e, 'ContractSigned').party]}.`,
      holds: (c, e) => c.contract?.signatures[dataOf(e, 'ContractSigned').party] === undefined,
    },
  ],
  canStartMeasure: [
    contractRequired,
    {
      code: 'signatures-missing',
      reason: (c) => `The measure starts when everyone has signed; missing: ${(c.contract?.requiredParties ?? []).filter((p) => !c.contract?.signatures[p]).join(', ')}.`,
      holds: (c) => c.contract !== undefined && c.contract.requiredParties.every((p) => c.contract?.signatures[p] !== undefined),
      contextOnly: true,
    },
  ],
  canDeclineContract: [{ ...orientationRequired, reason: 'The household declines the contract: record where it is oriented, nobody is left without a solution.' }],
};
