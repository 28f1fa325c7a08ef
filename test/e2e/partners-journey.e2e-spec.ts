// PGlite loads parts of itself with import(), which jest's sandbox refuses: load it outside (see the helper).
jest.mock('@electric-sql/pglite', () => jest.requireActual('../../libs/event-store/src/testing/pglite-outside-sandbox').loadPGliteModule());
import { waitFor } from '../../projections/core/testing/wait-for';
import { authHeaders, type Actor } from './support/auth';
import { type E2eApp, startE2eApp, STORE_KINDS } from './support/e2e-app';
import { COORDINATOR, e2eCatalogue, GRID, OTHER_PARTNER, PARTNER, PRESCRIBER, REFERENT, saisine, VALIDATOR } from './support/fixtures';
import { TrajectoryClient } from './support/trajectory-client';

/** The relais partner of the second household: the CCAS of Villeurbanne's account. */
const CCAS = { id: 'ccas-villeurbanne-1', role: 'partner', scopes: ['partner:ccas-villeurbanne'] };

const SUBMISSION = {
  measureType: 'ASLL',
  briques: ['2.1', '2.5'],
  durationMonths: 6,
  summary: { axesNeedingSupport: ['savoir-louer', 'savoir-habiter'], occupancyStatus: 'direct-lease', urgency: 'standard' },
};

describe.each(STORE_KINDS)('journey 3: partners in the loop, validation, restitution and relais (%s)', (kind) => {
  let e2e: E2eApp;
  const get = async (url: string, actor: Actor) => e2e.http().get(url).set(await authHeaders(actor));
  beforeAll(async () => {
    // The partners' and deadlines' read models are fed by the worker on PostgreSQL: here the API runs them.
    e2e = await startE2eApp(kind, { catalogue: e2eCatalogue(), projectionsInApi: true });
  }, 120_000);
  afterAll(() => e2e.close());

  it('submits a measure, rejected with an orientation, resubmitted, validated and started; shares a bilan with the landlord; the landlord, the prescriber and the validator read their own views', async () => {
    const t = new TrajectoryClient(e2e, REFERENT);
    // The landlord LMH sends the saisine (prescriber:lmh) under a programme whose measures the FSL validates.
    await t.open(saisine('2026-01-05', { programmeCode: 'asll-validated-test' }), PRESCRIBER);
    await t.run('assign-referent', { occurredAt: '2026-01-06', referentId: REFERENT.id }, { actor: COORDINATOR });
    await t.run('record-first-contact', { occurredAt: '2026-01-12', mode: 'home-visit' });
    await t.run('record-evaluation-grid', { occurredAt: '2026-01-20', ratings: GRID });
    await t.run('conclude-diagnostic', { occurredAt: '2026-01-27', outcome: 'propose-accompaniment', householdSigned: true });
    const contract = {
      measureType: 'ASLL',
      briques: ['2.1', '2.5'],
      durationMonths: 6,
      meetingFrequency: 'monthly',
      occupancyStatus: 'direct-lease',
      landlord: { name: 'Lyon Métropole Habitat', id: 'lmh' },
      objectives: [{ id: 'obj-1' }],
    };
    await t.run('draft-contract', { occurredAt: '2026-01-28', ...contract });

    // Without the validation the contract cannot be signed, and the refusal says so.
    const early = await t.send('sign-contract', { occurredAt: '2026-01-28', party: 'household' });
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ code: 'validation-required', stage: 'contract' });
    expect(early.body.detail ?? early.body.reason).toContain('Secrétariat du FSL du Rhône');

    // Submitted: a visible sub-state, a validation deadline in /deadlines.
    await t.run('submit-for-validation', { occurredAt: '2026-01-29', ...SUBMISSION });
    const waiting = await t.state();
    expect(waiting.body).toMatchObject({ stage: 'contract', subState: 'awaitingValidation', details: { validation: { status: 'awaiting', validatorId: 'fsl-69' } } });
    expect(waiting.body.nextDeadlines).toContainEqual(expect.objectContaining({ kind: 'validation', dueOn: '2026-02-13' }));
    const deadlines = await waitFor(async () => {
      const res = await e2e.http().get('/deadlines').query({ trajectory: t.id }).set(await authHeaders(COORDINATOR));
      return res.body.items?.some((d: { kind: string }) => d.kind === 'validation') ? res : undefined;
    }, 'the validation deadline in /deadlines');
    expect(deadlines.body.items).toContainEqual(expect.objectContaining({ trajectoryId: t.id, kind: 'validation', dueOn: '2026-02-13' }));

    // The validator sees what was submitted to it, nothing personal; another validator nothing.
    const submitted = await waitFor(async () => ((await get('/validations', VALIDATOR)).body.items?.length ? get('/validations', VALIDATOR) : undefined), 'the submission in /validations');
    expect(submitted.body.items).toEqual([
      { trajectoryId: t.id, programme: 'asll-validated-test', validatorId: 'fsl-69', stage: 'contract', status: 'awaiting', submittedOn: '2026-01-29', dueOn: '2026-02-13', submission: SUBMISSION, history: [] },
    ]);
    expect((await get('/validations', { id: 'v-2', role: 'validator', scopes: ['validator:commission-x'] } as Actor)).body.items).toEqual([]);
    expect((await get(`/trajectories/${t.id}`, VALIDATOR)).status).toBe(403);

    // A referent does not decide; another validator gets the outsider's 404; the FSL rejects with an orientation.
    expect((await t.send('reject-measure', { occurredAt: '2026-02-03', reason: 'incomplete-file', orientation: { kind: 'fsl' } })).status).toBe(403);
    const otherValidator = await t.send('reject-measure', { occurredAt: '2026-02-03', reason: 'incomplete-file', orientation: { kind: 'fsl' } }, { actor: { id: 'v-2', role: 'validator', scopes: ['validator:commission-x'] } as Actor });
    expect(otherValidator.status).toBe(404);
    const noOrientation = await t.send('reject-measure', { occurredAt: '2026-02-03', reason: 'incomplete-file' }, { actor: VALIDATOR });
    expect(noOrientation.body).toMatchObject({ code: 'orientation-required' });
    const rejected = await t.run('reject-measure', { occurredAt: '2026-02-03', reason: 'incomplete-file', orientation: { kind: 'fsl', partnerName: 'FSL du Rhône' } }, { actor: VALIDATOR });
    expect(rejected.body).toEqual({ trajectoryId: t.id, stage: 'contract', status: 'active' });
    expect((await t.state()).body).toMatchObject({ subState: 'drafting', details: { validation: { status: 'rejected', rejection: { reason: 'incomplete-file', orientation: { kind: 'fsl' } } } } });

    // Resubmitted; the coordinator records the FSL's written decision (and may not without it).
    await t.run('submit-for-validation', { occurredAt: '2026-02-05', ...SUBMISSION });
    const unwritten = await t.send('validate-measure', { occurredAt: '2026-02-10', reason: 'criteria-met' }, { actor: COORDINATOR });
    expect(unwritten.status).toBe(403);
    expect(unwritten.body.code).toBe('written-decision-required');
    await t.run('validate-measure', { occurredAt: '2026-02-10', reason: 'criteria-met', writtenDecision: { reference: 'FSL-2026-0142', decidedOn: '2026-02-09' } }, { actor: COORDINATOR });
    expect((await t.state()).body).toMatchObject({ subState: 'validated', details: { validation: { status: 'validated', submissions: 2, writtenDecision: { reference: 'FSL-2026-0142' } } } });

    // Signed and started.
    await t.run('sign-contract', { occurredAt: '2026-02-11', party: 'household' });
    await t.run('sign-contract', { occurredAt: '2026-02-11', party: 'referent' });
    const started = await t.run('sign-contract', { occurredAt: '2026-02-12', party: 'landlord' });
    expect(started.body.stage).toBe('briques');
    expect(started.body.events.map((e: { type: string }) => e.type)).toEqual(['ContractSigned', 'MeasureStarted']);

    const decided = await waitFor(async () => {
      const res = await get('/validations', VALIDATOR);
      return res.body.items?.[0]?.status === 'validated' && res.body.items[0].stage === 'briques' ? res : undefined;
    }, 'the validated submission');
    expect(decided.body.items[0]).toMatchObject({ status: 'validated', history: [{ submittedOn: '2026-01-29', decision: { status: 'rejected', reason: 'incomplete-file', orientationKind: 'fsl' } }] });
    expect(decided.body.items[0]).not.toHaveProperty('dueOn');

    // A tripartite meeting with the landlord, then a bilan shared with it once the household agreed.
    await t.run('start-brique', { occurredAt: '2026-02-13', code: '2.5' });
    await t.run('record-point', { occurredAt: '2026-03-10', briqueCode: '2.5', mode: 'tripartite-meeting', parties: ['household', 'referent', 'landlord'], personal: { summary: 'Plan d’apurement signé chez le bailleur.' } });
    await t.run('record-bilan', { occurredAt: '2026-05-04', personal: { summary: 'Bilan : loyers repris, dette en baisse.' } });
    const bilan = {
      document: 'bilan',
      recipient: { kind: 'landlord', id: 'lmh', name: 'Lyon Métropole Habitat' },
      content: { rentSituation: 'repayment-plan', progress: 'on-track', briques: ['2.5'] },
      personal: { text: 'Le ménage tient son plan d’apurement depuis trois mois.' },
    };
    const unagreed = await t.send('share-with-partner', { occurredAt: '2026-05-06', ...bilan });
    expect(unagreed.status).toBe(409);
    expect(unagreed.body).toMatchObject({ code: 'household-agreement-required', stage: 'briques' });
    await t.run('share-with-partner', { occurredAt: '2026-05-06', ...bilan, householdAgreedOn: '2026-05-05', freeTextAgreed: true });
    await t.run('share-with-partner', { occurredAt: '2026-05-07', ...bilan, document: 'diagnostic-recommendations', householdAgreedOn: '2026-05-05', freeTextAgreed: false, personal: { text: 'Texte non partagé.' } });

    // The landlord's view: its trajectory, the stage, what was shared with it (free text only where agreed), its meetings.
    const landlord = await waitFor(async () => {
      const res = await get('/partner/trajectories', PARTNER);
      return res.body.items?.[0]?.shared?.length === 2 ? res : undefined;
    }, 'the shared bilan in the landlord’s view');
    expect(landlord.body.items).toEqual([
      {
        trajectoryId: t.id,
        stage: 'briques',
        status: 'active',
        relations: ['landlord', 'prescriber'],
        shared: [
          { on: '2026-05-06', document: 'bilan', householdAgreedOn: '2026-05-05', content: bilan.content, text: bilan.personal.text },
          { on: '2026-05-07', document: 'diagnostic-recommendations', householdAgreedOn: '2026-05-05', content: bilan.content },
        ],
        meetings: [{ on: '2026-03-10', mode: 'tripartite-meeting', parties: ['household', 'referent', 'landlord'] }],
        upcomingMeetings: [],
      },
    ]);
    expect(JSON.stringify(landlord.body)).not.toContain('Texte non partagé');
    expect(JSON.stringify(landlord.body)).not.toContain('Dupont');
    expect((await get('/partner/trajectories', OTHER_PARTNER)).body.items).toEqual([]);
    expect((await get(`/trajectories/${t.id}`, PARTNER)).status).toBe(403);

    // The prescriber's view: the saisines it sent, id, date, stage, status; nothing more.
    const sent = await get('/saisines', PRESCRIBER);
    expect(sent.body.items).toEqual([{ id: t.id, receivedOn: '2026-01-05', stage: 'briques', status: 'active' }]);
    expect((await get('/caseload', PRESCRIBER)).status).toBe(403);
  });

  it('lets the relais partner named in the hand-off confirm it, and no other partner', async () => {
    const t = new TrajectoryClient(e2e, REFERENT);
    await t.open(saisine('2026-03-02', { motives: ['access'] }), PRESCRIBER);
    await t.run('assign-referent', { occurredAt: '2026-03-02', referentId: REFERENT.id }, { actor: COORDINATOR });
    await t.run('record-first-contact', { occurredAt: '2026-03-09', mode: 'office' });
    await t.run('record-evaluation-grid', { occurredAt: '2026-03-16', ratings: GRID });
    await t.run('conclude-diagnostic', { occurredAt: '2026-03-20', outcome: 'propose-accompaniment', householdSigned: true });
    await t.run('draft-contract', { occurredAt: '2026-03-21', measureType: 'ASLL', briques: ['2.1'], durationMonths: 3, meetingFrequency: 'monthly', occupancyStatus: 'direct-lease', objectives: [{ id: 'obj-1' }] });
    await t.run('sign-contract', { occurredAt: '2026-03-22', party: 'household' });
    await t.run('sign-contract', { occurredAt: '2026-03-22', party: 'referent' });
    await t.run('start-evaluation', { occurredAt: '2026-06-20' });
    await t.run('record-final-evaluation', {
      occurredAt: '2026-06-21',
      ratings: GRID,
      objectives: [{ id: 'obj-1', met: true }],
      endReason: 'situation-changed',
      householdSigned: true,
    });
    const handedOff = await t.run('hand-off', { occurredAt: '2026-06-22', partner: { kind: 'ccas', partnerName: 'CCAS de Villeurbanne' }, partnerId: 'ccas-villeurbanne' });
    expect(handedOff.body.stage).toBe('relais');
    expect(handedOff.body.events[0]).toMatchObject({ type: 'HandedOff', schemaVersion: 2, data: { partnerId: 'ccas-villeurbanne' } });

    // The relais partner sees its trajectory; another partner (the landlord lmh) may not confirm it.
    const mine = await waitFor(async () => {
      const res = await get('/partner/trajectories', CCAS as Actor);
      return res.body.items?.length ? res : undefined;
    }, 'the relais in the CCAS’s view');
    expect(mine.body.items).toMatchObject([{ trajectoryId: t.id, stage: 'relais', relations: ['relais-partner'], shared: [] }]);
    const notTheirs = await t.send('confirm-relais', { occurredAt: '2026-06-25' }, { actor: PARTNER });
    expect(notTheirs.status).toBe(404);
    const confirmed = await t.run('confirm-relais', { occurredAt: '2026-06-25' }, { actor: CCAS as Actor });
    expect(confirmed.body).toEqual({ trajectoryId: t.id, stage: 'closed', status: 'done' });
    const history = await t.history();
    expect(history.body.events.at(-1)).toMatchObject({ type: 'RelaisConfirmed', actor: { id: CCAS.id, role: 'partner' } });
  });
});
