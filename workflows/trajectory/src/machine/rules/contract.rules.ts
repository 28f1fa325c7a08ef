import { maxContractMonths } from '../../../../programmes/src';
import type { TrajectoryContext } from '../../trajectory-context';
import { CONTRACT_PARTIES } from '../../vocabulary/trajectory-terms';
import { dataOf, orientationRequired, type TrajectoryRule, type TrajectoryRules } from './trajectory-rule';
import { signatureNeedsValidation } from './validation.rules';

const contractRequired: TrajectoryRule = {
  code: 'contract-required',
  reason: 'Draft the contract before it is signed.',
  holds: (c) => c.contract !== undefined,
  reads: 'context',
};

/** Parties that may still sign: on the contract and not signed yet. */
const yetToSign = (c: TrajectoryContext) => CONTRACT_PARTIES.filter((p) => (p !== 'landlord' || c.contract?.landlord !== undefined) && c.contract?.signatures[p] === undefined);

export const contractRules = {
  canDraftContract: [
    {
      code: 'brique-not-allowed',
      reason: (c, e) => {
        const refused = dataOf(e, 'ContractDrafted').briques.filter((b) => !c.programme?.allowedBriques.includes(b));
        return `The programme ${c.programmeCode} does not allow the brique(s) ${refused.join(', ')}.`;
      },
      requirement: 'The contract plans briques the programme allows.',
      holds: (c, e) => dataOf(e, 'ContractDrafted').briques.every((b) => c.programme?.allowedBriques.includes(b) === true),
      satisfiable: (c) => (c.programme?.allowedBriques.length ?? 0) > 0,
    },
    {
      code: 'duration-above-maximum',
      reason: (c, e) =>
        `The programme ${c.programmeCode} allows a contract of at most ${c.programme ? maxContractMonths(c.programme) : '?'} months; this one states ${dataOf(e, 'ContractDrafted').durationMonths}.`,
      requirement: 'The contract lasts at most the programme’s maximum duration (maxDurationMonths, by default its duration).',
      // Terms captured before maxDurationMonths existed bound nothing: their contracts replay as they were accepted.
      holds: (c, e) => !c.programme || c.programme.maxDurationMonths === undefined || dataOf(e, 'ContractDrafted').durationMonths <= maxContractMonths(c.programme),
    },
  ],
  canSignContract: [
    contractRequired,
    ...signatureNeedsValidation,
    {
      code: 'landlord-not-on-contract',
      reason: 'The contract names no landlord: only the household and the referent sign it.',
      requirement: 'The landlord signs only a contract that names one.',
      holds: (c, e) => dataOf(e, 'ContractSigned').party !== 'landlord' || c.contract?.landlord !== undefined,
      satisfiable: (c) => yetToSign(c).length > 0,
    },
    {
      code: 'already-signed',
      reason: (c, e) => `The ${dataOf(e, 'ContractSigned').party} already signed this contract on ${c.contract?.signatures[dataOf(e, 'ContractSigned').party]}.`,
      requirement: 'Each party signs once.',
      holds: (c, e) => c.contract?.signatures[dataOf(e, 'ContractSigned').party] === undefined,
      satisfiable: (c) => yetToSign(c).length > 0,
    },
  ],
  canStartMeasure: [
    contractRequired,
    {
      code: 'signatures-missing',
      reason: (c) => `The measure starts when everyone has signed; missing: ${(c.contract?.requiredParties ?? []).filter((p) => !c.contract?.signatures[p]).join(', ')}.`,
      requirement: 'The measure starts when every party of the contract has signed.',
      holds: (c) => c.contract !== undefined && c.contract.requiredParties.every((p) => c.contract?.signatures[p] !== undefined),
      reads: 'context',
    },
  ],
  canChooseScale: [{ ...contractRequired, reason: 'Draft the contract before choosing its barème: the scale belongs to the contract’s convention.' }],
  canDeclineContract: [{ ...orientationRequired, reason: 'The household declines the contract: record where it is oriented, nobody is left without a solution.' }],
} satisfies TrajectoryRules;
