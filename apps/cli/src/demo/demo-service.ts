import { describeTrajectoryCommand } from '../../../../workflows/trajectory/src';

/** The people of the demo service; each gets a sign-in link. */
export const DEMO_PEOPLE = {
  coordinator: { id: 'chef-service', role: 'coordinator' },
  referents: [
    { id: 'ref-amel', role: 'referent' },
    { id: 'ref-bruno', role: 'referent' },
    { id: 'ref-chloe', role: 'referent' },
    { id: 'ref-david', role: 'referent' },
  ],
  secretary: { id: 'accueil', role: 'secretary' },
  funder: { id: 'financeur-dep', role: 'funder', scopes: ['funder:departement-x'] },
  admin: { id: 'admin-demo', role: 'admin' },
} as const;

export type DemoActor = { id: string; role: string; scopes?: readonly string[] };

/** A convention per shipped programme, in integer cents like every amount of the API. */
export function demoConventions(year: number): Record<string, unknown>[] {
  return [
    {
      funder: 'departement-x',
      programme: 'asll-departement-x',
      year,
      prices: { perDiagnosticCents: 15_000, perMonthCents: 19_000 },
      yearlyCapCents: 4_000_000,
      funderShares: [
        { funder: 'departement-x', share: 0.6 },
        { funder: 'caf-x', share: 0.4 },
      ],
    },
    { funder: 'etat-ddets', programme: 'avdl-generic', year, prices: { perDiagnosticCents: 30_000, perMonthCents: 23_000 }, yearlyCapCents: 12_000_000 },
  ];
}

/** One step of a household's journey: a command, how many days after the saisine, and what differs from its example. */
export interface DemoStep {
  command: string;
  day: number;
  payload?: Record<string, unknown>;
  by: 'coordinator' | 'referent';
}

const grid = describeTrajectoryCommand('record-evaluation-grid')?.examples[0]?.ratings;

const SAISINE: DemoStep[] = [{ command: 'receive-saisine', day: 0, by: 'coordinator' }];
const ASSIGNED: DemoStep[] = [...SAISINE, { command: 'assign-referent', day: 1, by: 'coordinator' }];
const DIAGNOSTIC: DemoStep[] = [...ASSIGNED, { command: 'record-first-contact', day: 6, by: 'referent' }];
const GRID: DemoStep[] = [
  ...DIAGNOSTIC,
  { command: 'record-diagnostic-step', day: 12, payload: { step: '1.1', status: 'done' }, by: 'referent' },
  { command: 'record-evaluation-grid', day: 18, payload: { ratings: grid }, by: 'referent' },
];
const CONTRACT: DemoStep[] = [
  ...GRID,
  { command: 'conclude-diagnostic', day: 22, payload: { outcome: 'propose-accompaniment', householdSigned: true }, by: 'referent' },
  { command: 'draft-contract', day: 24, payload: { briques: ['2.1', '2.5'] }, by: 'referent' },
];
const BRIQUES: DemoStep[] = [
  ...CONTRACT,
  { command: 'sign-contract', day: 28, payload: { party: 'household' }, by: 'referent' },
  { command: 'sign-contract', day: 28, payload: { party: 'referent' }, by: 'referent' },
  { command: 'start-brique', day: 29, payload: { code: '2.1' }, by: 'referent' },
  { command: 'record-point', day: 45, payload: { briqueCode: '2.1' }, by: 'referent' },
];
const EVALUATION: DemoStep[] = [...BRIQUES, { command: 'record-bilan', day: 110, by: 'referent' }, { command: 'start-evaluation', day: 200, by: 'referent' }];
const FINAL: DemoStep[] = [...EVALUATION, { command: 'record-final-evaluation', day: 203, payload: { ratings: grid }, by: 'referent' }];

/**
 * About forty households at every stage, their saisines spread over the past months so that some
 * deadlines are met, some due this week and some overdue (a first contact not made in time, a
 * monthly point missed). Each journey uses the commands' own examples, with these differences.
 */
export const DEMO_JOURNEYS: { stage: string; startedDaysAgo: number[]; steps: DemoStep[] }[] = [
  { stage: 'saisine (sans référent·e)', startedDaysAgo: [2, 5, 9], steps: SAISINE },
  { stage: 'saisine (référent·e désigné·e)', startedDaysAgo: [3, 11, 20, 26], steps: ASSIGNED },
  { stage: 'diagnostic', startedDaysAgo: [8, 14, 30, 41, 75], steps: DIAGNOSTIC },
  { stage: 'diagnostic (grille)', startedDaysAgo: [25, 38, 52], steps: GRID },
  { stage: 'contrat', startedDaysAgo: [27, 33, 60], steps: CONTRACT },
  { stage: 'briques', startedDaysAgo: [50, 58, 64, 70, 81, 95, 104, 118, 126, 140], steps: BRIQUES },
  { stage: 'évaluation', startedDaysAgo: [205, 212, 230], steps: EVALUATION },
  { stage: 'relais', startedDaysAgo: [215, 240], steps: [...FINAL, { command: 'hand-off', day: 205, by: 'referent' }] },
  { stage: 'veille', startedDaysAgo: [220, 260], steps: [...FINAL, { command: 'start-veille', day: 206, by: 'referent' }] },
  { stage: 'clôturé', startedDaysAgo: [250, 300], steps: [...FINAL, { command: 'close', day: 207, payload: { endReason: 'housed' }, by: 'referent' }] },
  { stage: 'clôturé (refus)', startedDaysAgo: [40], steps: [...SAISINE, { command: 'decline', day: 3, by: 'coordinator' }] },
];

const FIRST_NAMES = ['Awa', 'Karim', 'Sophie', 'Mehdi', 'Julie', 'Ousmane', 'Léa', 'Nadia', 'Thomas', 'Inès', 'Yanis', 'Camille'];
const LAST_NAMES = ['Martin', 'Benali', 'Dupont', 'Diallo', 'Moreau', 'Nguyen', 'Petit', 'Haddad', 'Lefèvre', 'Traoré'];
const PRESCRIBERS = [
  { kind: 'landlord', name: 'Lyon Métropole Habitat', id: 'lmh' },
  { kind: 'ccas', name: 'CCAS de Villeurbanne', id: 'ccas-villeurbanne' },
  { kind: 'siao', name: 'SIAO du Rhône', id: 'siao-69' },
  { kind: 'fsl', name: 'FSL du Rhône', id: 'fsl-69' },
];

/** The saisine of household number n: varied, invented, categorical profile plus a made-up identity. */
export function demoSaisine(n: number, programmeCode: string, conventionId: string | undefined): Record<string, unknown> {
  const example = describeTrajectoryCommand('receive-saisine')?.examples[0] ?? {};
  return {
    ...example,
    programmeCode,
    ...(conventionId ? { conventionId } : {}),
    prescriber: PRESCRIBERS[n % PRESCRIBERS.length],
    motives: [['unpaid-rent'], ['access'], ['maintenance', 'neighbourhood-trouble'], ['indecent-dwelling']][n % 4],
    household: {
      composition: ['single', 'single-parent', 'couple-with-children', 'couple'][n % 4],
      childrenCount: [0, 2, 3, 0][n % 4],
      ageBand: ['25-34', '35-44', '45-54', 'under-25', '55-64'][n % 5],
      referenceGender: n % 3 === 0 ? 'male' : 'female',
      mainResources: ['rsa', 'salary', 'aah', 'unemployment-benefit', 'pension'][n % 5],
    },
    personal: { household: { firstName: FIRST_NAMES[n % FIRST_NAMES.length], lastName: LAST_NAMES[(n * 7) % LAST_NAMES.length] } },
  };
}
