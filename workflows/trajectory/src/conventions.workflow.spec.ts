import type { ConventionDirectory, ConventionRef } from './convention-directory';
import { contractDrafted, diagnosticConcluded, draftContract, firstContact, raw, receiveSaisine, saisineReceived, scenario } from './testing';
import { ASLL_TEST, testDeps } from './testing/test-installation';
import { createTrajectoryWorkflowV1 } from './trajectory.workflow';
import type { Programme } from '../../programmes/src';

const FSL: Programme = {
  ...ASLL_TEST,
  code: 'fsl-test',
  capPolicy: 'refuse',
  monthBilling: 'months-of-measure',
  saisineFields: {
    orientation: { title: 'Orientation du bailleur', values: ['maintien', 'mutation', 'acces'], required: true },
    socialWorkerFollows: { title: 'Travailleur social déjà présent', values: ['oui', 'non', 'inconnu'] },
  },
};

const ref = (over: Partial<ConventionRef>): ConventionRef => ({ id: 'c-1', code: 'fsl-2026', programme: 'fsl-test', year: 2026, scales: ['standard', 'renforce'], capReached: false, ...over });

function world(conventions: ConventionRef[]) {
  const directory: ConventionDirectory = { ofProgramme: (p) => conventions.filter((c) => c.programme === p) };
  return scenario({ definition: createTrajectoryWorkflowV1({ ...testDeps({ programmes: [FSL] }), conventions: directory }), today: '2026-12-01' });
}

const saisine = (over: Record<string, unknown> = {}) =>
  receiveSaisine({ programmeCode: 'fsl-test', conventionId: undefined, fields: { orientation: 'maintien' }, occurredAt: '2026-03-02', ...over } as never);

describe('the convention of a trajectory, resolved at the saisine (issue 17 §4)', () => {
  it('takes the programme’s only convention of the saisine’s year and records it', () => {
    world([ref({}), ref({ id: 'c-2025', code: 'fsl-2025', year: 2025 })])().when(saisine()).thenEvents({ type: 'SaisineReceived', data: { conventionId: 'c-1' } });
  });

  it('refuses a saisine that names none when the programme has several conventions that year, and lists their codes', () => {
    const then = world([ref({}), ref({ id: 'c-2', code: 'bailleur-2026' })])().when(saisine()).thenRefused({ code: 'convention-ambiguous', kind: 'invalid' });
    expect(then.decision.accepted ? '' : then.decision.refusal.reason).toContain('bailleur-2026, fsl-2026');
  });

  it('takes the one the saisine names by code, and refuses an unknown code or id', () => {
    const w = world([ref({}), ref({ id: 'c-2', code: 'bailleur-2026' })]);
    w().when(saisine({ conventionCode: 'bailleur-2026' })).thenEvents({ type: 'SaisineReceived', data: { conventionId: 'c-2' } });
    w().when(saisine({ conventionCode: 'bailleur-2027' })).thenRefused({ code: 'unknown-convention' });
    w().when(saisine({ conventionId: 'nope' })).thenRefused({ code: 'unknown-convention' });
  });

  it('opens without a convention when the programme has none yet; the contract must then name one', () => {
    const then = world([])().when(saisine()).thenEvents('SaisineReceived');
    expect(then.decision.accepted && 'conventionId' in (then.decision.events[0].data as object)).toBe(false);
    // An id named before the programme has any convention is kept: the convention may come later.
    world([])().when(saisine({ conventionId: 'c-later' })).thenEvents({ type: 'SaisineReceived', data: { conventionId: 'c-later' } });
  });
});

describe('the programme’s saisine fields (issue 17 §6)', () => {
  it('records the declared categorical fields', () => {
    world([ref({})])()
      .when(saisine({ fields: { orientation: 'mutation', socialWorkerFollows: 'non' } }))
      .thenEvents({ type: 'SaisineReceived', data: { fields: { orientation: 'mutation', socialWorkerFollows: 'non' } } });
  });

  it.each([
    [{ orientation: 'ailleurs' }, 'fields.orientation', 'must be one of maintien, mutation, acces'],
    [{}, 'fields.orientation', 'is required by the programme (one of maintien, mutation, acces)'],
    [{ orientation: 'maintien', comment: 'texte libre' }, 'fields.comment', 'is not a saisine field of the programme (orientation, socialWorkerFollows)'],
  ])('refuses %j', (fields, field, reason) => {
    const then = world([ref({})])().when(saisine({ fields })).thenRefused({ code: 'invalid-saisine-field', kind: 'invalid' });
    expect(then.decision.accepted ? [] : then.decision.refusal.fields).toContainEqual({ field, reason });
  });

  it('refuses fields under a programme that declares none', () => {
    given0().when(receiveSaisine({ fields: { orientation: 'x' } } as never)).thenRefused({ code: 'invalid-saisine-field' });
  });
});

function given0() {
  return world([])();
}

describe('the barème of a measure (issue 17 §3)', () => {
  const inContract = [saisineReceived({ programme: FSL, conventionId: 'c-1' }), firstContact('2026-03-05'), diagnosticConcluded('propose-accompaniment', { on: '2026-03-20' })];

  it('draft-contract names the convention by code and the scale', () => {
    world([ref({}), ref({ id: 'c-2', code: 'bailleur-2026' })])(...inContract)
      .when(draftContract({ conventionId: undefined, conventionCode: 'bailleur-2026', scale: 'renforce', occurredAt: '2026-03-25' }))
      .thenEvents({ type: 'ContractDrafted', data: { conventionId: 'c-2', scale: 'renforce' } });
  });

  it('refuses a scale the convention does not price', () => {
    world([ref({})])(...inContract)
      .when(draftContract({ conventionId: undefined, scale: 'premium', occurredAt: '2026-03-25' }))
      .thenRefused({ code: 'unknown-scale' });
  });

  it('refuses a new measure once the cap is reached when the programme says capPolicy refuse', () => {
    world([ref({ capReached: true })])(...inContract)
      .when(draftContract({ conventionId: undefined, occurredAt: '2026-03-25' }))
      .thenRefused({ code: 'convention-cap-reached', kind: 'rule' });
  });

  it('lets the coordinator choose or change the scale once the contract is drafted, recorded as an event', () => {
    const w = world([ref({})]);
    const then = w(...inContract, contractDrafted({ on: '2026-03-25', conventionId: 'c-1' }))
      .when(raw('choose-scale', { scale: 'renforce' }, '2026-03-26'))
      .thenEvents({ type: 'MeasureScaleChosen', data: { scale: 'renforce', conventionId: 'c-1' } });
    expect(then.snapshot.context.contract?.scale).toBe('renforce');
    w(...inContract, contractDrafted({ on: '2026-03-25', conventionId: 'c-1' })).when(raw('choose-scale', { scale: 'x' }, '2026-03-26')).thenRefused({ code: 'unknown-scale' });
    w(...inContract).when(raw('choose-scale', { scale: 'renforce' }, '2026-03-26')).thenRefused({ code: 'contract-required' });
  });
});
