import type { BriqueDefinition } from '../../../briques/src';
import { createBriqueRegistry } from '../../../briques/src';
import { ProgrammeRegistry, type Programme } from '../../../programmes/src';
import type { TrajectoryDeps } from '../trajectory.workflow';

/** The example programme of domain.md §5, as tests use it. */
export const ASLL_TEST: Programme = {
  code: 'asll-test',
  title: 'ASLL Département X (test)',
  firstContactDays: 15,
  diagnosticDays: 45,
  contractSignatureDays: 30,
  durationMonths: 6,
  renewals: { count: 2, months: 6 },
  bilanEveryMonths: 3,
  pointEveryMonths: 1,
  allowedBriques: ['2.1', '2.2', '2.3', '2.4', '2.5', '2.6', '2.7'],
  pricing: { perDiagnostic: 150, perMonth: 190 },
  yearlyCap: 40_000,
  funderShares: [
    { funder: 'departement-x', share: 0.6 },
    { funder: 'caf', share: 0.4 },
  ],
  retentionMonths: 24,
};

/** A GLA programme renewable once, with the yearly brique 3.4. */
export const GLA_TEST: Programme = {
  ...ASLL_TEST,
  code: 'gla-test',
  title: 'GLA (test)',
  durationMonths: 12,
  renewals: { count: 1, months: 12 },
  allowedBriques: ['3.1', '3.2', '3.3', '3.4', '3.5', '3.6'],
  pricing: { perDwellingYear: 1200 },
};

/** ASLL whose measures the FSL secretariat validates within 15 days (issue 13). */
export const ASLL_VALIDATED_TEST: Programme = {
  ...ASLL_TEST,
  code: 'asll-validated-test',
  title: 'ASLL avec déclaration préalable au FSL (test)',
  validation: { validatorId: 'fsl-69', validatorKind: 'fsl-secretariat', validatorName: 'Secrétariat du FSL du Rhône', days: 15 },
};

/** Support before the lease, point cadences and milestones (issue 17 §1-2), delays in weeks and months. */
export const SCHEDULE_TEST: Programme = {
  ...ASLL_TEST,
  code: 'schedule-test',
  title: 'Avant et après le bail (test)',
  delays: { firstContact: { weeks: 2 }, diagnostic: { months: 2 } },
  durationMonths: 12,
  maxDurationMonths: 12,
  renewals: { count: 1, months: 6 },
  allowedBriques: ['2.1', '2.3', '3.2'],
  briqueStages: { '2.1': ['diagnostic', 'contract', 'briques'], '2.3': ['contract', 'briques'] },
  pointCadences: [
    { code: 'weekly', title: 'Weekly on 2.1', atLeast: 1, per: { weeks: 1 }, briques: ['2.1'] },
    { code: 'four-a-month', title: 'Four a month on 2.3', atLeast: 4, per: { months: 1 }, briques: ['2.3'] },
    { code: 'landlord-quarterly', title: 'Landlord at home each quarter', atLeast: 1, per: { months: 3 }, modes: ['home-visit'], parties: ['landlord'] },
  ],
  milestones: [
    { code: 'lease-signed', title: 'Lease signed', anchor: 'first-contact', dueAfter: { months: 3 } },
    { code: 'lease-slid', title: 'Sliding lease slid', anchor: { milestone: 'lease-signed' }, dueAfter: { months: 12 } },
  ],
};

export function testDeps(extra: { programmes?: Programme[]; briques?: BriqueDefinition[] } = {}): TrajectoryDeps {
  return {
    programmes: new ProgrammeRegistry([ASLL_TEST, GLA_TEST, ASLL_VALIDATED_TEST, ...(extra.programmes ?? [])]),
    briques: createBriqueRegistry(extra.briques ?? []),
  };
}
