import {
  ASLL_VALIDATED_TEST,
  bilanRecorded,
  contractDrafted,
  contractSigned,
  contractSigned1,
  diagnosticConcluded,
  draftContract,
  firstContact,
  given,
  measureRejected,
  measureValidated,
  rejectMeasure,
  saisineReceived,
  shareWithPartner,
  signContract,
  submitForValidation,
  submittedForValidation,
  validateMeasure,
} from '../../testing';

const validated = [saisineReceived({ programme: ASLL_VALIDATED_TEST }), firstContact('2026-01-05'), diagnosticConcluded('propose-accompaniment', { on: '2026-01-20' })];
const plain = [saisineReceived(), firstContact('2026-01-05'), diagnosticConcluded('propose-accompaniment', { on: '2026-01-20' })];

describe('validation of a measure (programme with a validator)', () => {
  it('submits the proposed measure to the programme’s validator and waits in a visible sub-state', () => {
    const then = given(...validated)
      .when(submitForValidation({ occurredAt: '2026-01-22' }))
      .thenEvents({
        type: 'MeasureSubmittedForValidation',
        data: { validatorId: 'fsl-69', validatorKind: 'fsl-secretariat', submission: { briques: ['2.1', '2.5'], durationMonths: 6, summary: { axesNeedingSupport: ['savoir-louer', 'savoir-habiter'] } } },
      })
      .thenStage('contract');
    expect(then.snapshot.value).toEqual({ open: { contract: 'awaitingValidation' } });
    expect(then.snapshot.context.validation).toMatchObject({ status: 'awaiting', submittedOn: '2026-01-22', submissions: 1 });
  });

  it('refuses a submission where the programme asks for none', () => {
    given(...plain).when(submitForValidation()).thenRefused({ code: 'validation-not-required', stage: 'contract' });
  });

  it('refuses proposed briques the programme does not allow', () => {
    given(...validated).when(submitForValidation({ briques: ['3.2'] })).thenRefused({ code: 'brique-not-allowed', stage: 'contract' });
  });

  it('refuses to sign the contract before the validation, and says so', () => {
    const then = given(...validated, contractDrafted({ on: '2026-01-25' })).when(signContract({ occurredAt: '2026-01-26' })).thenRefused({ code: 'validation-required', stage: 'contract' });
    expect(then.decision.accepted === false && then.decision.refusal.reason).toContain('validated by Secrétariat du FSL du Rhône');
    given(...validated, submittedForValidation('2026-01-22'), contractDrafted({ on: '2026-01-25' }))
      .when(signContract({ occurredAt: '2026-01-26' }))
      .thenRefused({ code: 'validation-required', stage: 'contract' });
  });

  it('signs without validation where the programme asks for none', () => {
    given(...plain, contractDrafted({ on: '2026-01-25' })).when(signContract({ occurredAt: '2026-01-26' })).thenEvents('ContractSigned');
  });

  it('rejects with a reason and the orientation proposed, then takes a new submission, then validates; the contract is signed and the measure starts', () => {
    const rejected = given(...validated, submittedForValidation('2026-01-22'))
      .when(rejectMeasure({ occurredAt: '2026-01-30' }))
      .thenEvents({ type: 'MeasureRejected', data: { validatorId: 'fsl-69', reason: 'another-measure-fits', orientation: { kind: 'fsl' } } });
    expect(rejected.snapshot.value).toEqual({ open: { contract: 'drafting' } });
    expect(rejected.snapshot.context.validation).toMatchObject({ status: 'rejected', decidedOn: '2026-01-30', rejection: { reason: 'another-measure-fits' } });

    const again = given(...validated, submittedForValidation('2026-01-22'), measureRejected('2026-01-30'))
      .when(submitForValidation({ occurredAt: '2026-02-02', briques: ['2.1'], durationMonths: 4 }))
      .thenEvents('MeasureSubmittedForValidation');
    expect(again.snapshot.context.validation).toMatchObject({ status: 'awaiting', submissions: 2 });

    given(...validated, submittedForValidation('2026-02-02'))
      .when(validateMeasure({ occurredAt: '2026-02-05' }))
      .thenEvents({ type: 'MeasureValidated', data: { validatorId: 'fsl-69' } })
      .thenStage('contract');

    const contract = [...validated, submittedForValidation('2026-02-02'), measureValidated('2026-02-05'), contractDrafted({ on: '2026-02-06' }), contractSigned1('household', '2026-02-07')];
    given(...contract).when(signContract({ party: 'referent', occurredAt: '2026-02-08' })).thenEvents('ContractSigned', 'MeasureStarted').thenStage('briques');
  });

  it('refuses a rejection without an orientation: nobody is left without a solution', () => {
    given(...validated, submittedForValidation('2026-01-22')).when(rejectMeasure({ orientation: undefined, occurredAt: '2026-01-30' })).thenRefused({ code: 'orientation-required', stage: 'contract' });
  });

  it('refuses a decision dated before the submission, and a written decision dated outside submission..recording', () => {
    const waiting = given(...validated, submittedForValidation('2026-01-22'));
    waiting.when(validateMeasure({ occurredAt: '2026-01-21' })).thenRefused({ code: 'decided-before-submission', stage: 'contract' });
    waiting
      .when(validateMeasure({ writtenDecision: { reference: 'CR-14', decidedOn: '2026-01-20' }, occurredAt: '2026-01-28' }))
      .thenRefused({ code: 'decision-before-submission', stage: 'contract' });
    const recorded = waiting.when(validateMeasure({ writtenDecision: { reference: 'CR-14', decidedOn: '2026-01-25' }, occurredAt: '2026-01-28' })).thenEvents('MeasureValidated');
    expect(recorded.snapshot.context.validation).toMatchObject({ status: 'validated', writtenDecision: { reference: 'CR-14', decidedOn: '2026-01-25' } });
  });

  it('offers validate and reject only while a submission awaits, and no second submission once validated', () => {
    expect(given(...validated).allowedOn('2026-01-21')).toEqual(expect.arrayContaining(['submit-for-validation']));
    expect(given(...validated).allowedOn('2026-01-21')).not.toEqual(expect.arrayContaining(['validate-measure']));
    const waiting = given(...validated, submittedForValidation('2026-01-22')).allowedOn('2026-01-23');
    expect(waiting).toEqual(expect.arrayContaining(['validate-measure', 'reject-measure']));
    expect(waiting).not.toContain('submit-for-validation');
    const done = given(...validated, submittedForValidation('2026-01-22'), measureValidated('2026-01-25'));
    done.when(submitForValidation({ occurredAt: '2026-01-26' })).thenRefused({ code: 'command-not-allowed' }); // sub-state 'validated' takes no submission
  });

  it('refuses to sign a contract beyond what was validated (briques or duration)', () => {
    given(...validated, submittedForValidation('2026-01-22', { briques: ['2.1'], months: 4 }), measureValidated('2026-01-25'))
      .when(draftContract({ briques: ['2.1', '2.5'], durationMonths: 6, occurredAt: '2026-01-26' }))
      .thenEvents('ContractDrafted');
    given(...validated, submittedForValidation('2026-01-22', { briques: ['2.1'], months: 4 }), measureValidated('2026-01-25'), contractDrafted({ on: '2026-01-26' }))
      .when(signContract({ occurredAt: '2026-01-27' }))
      .thenRefused({ code: 'contract-differs-from-validation', stage: 'contract' });
  });
});

describe('share-with-partner', () => {
  const inBriques = [...plain, contractSigned({ on: '2026-02-01', months: 6, landlord: true }), bilanRecorded('2026-05-01')];

  it('records a bilan shared with the landlord after the household agreed, its categorical content in the context', () => {
    const then = given(...inBriques)
      .when(shareWithPartner({ occurredAt: '2026-05-03' }))
      .thenEvents({ type: 'DocumentShared', data: { document: 'bilan', recipient: { id: 'habitat-69' }, householdAgreedOn: '2026-05-02', freeTextAgreed: false, personal: { text: 'Le ménage tient son plan d’apurement.' } } });
    expect(then.snapshot.context.shares).toEqual([
      { on: '2026-05-03', document: 'bilan', recipient: { kind: 'landlord', id: 'habitat-69', name: 'Habitat 69' }, householdAgreedOn: '2026-05-02', freeTextAgreed: false, content: { rentSituation: 'repayment-plan', progress: 'on-track' } },
    ]);
  });

  it('refuses to share without the household’s recorded agreement, and says so', () => {
    const then = given(...inBriques).when(shareWithPartner({ householdAgreedOn: undefined, occurredAt: '2026-05-03' })).thenRefused({ code: 'household-agreement-required', stage: 'briques' });
    expect(then.decision.accepted === false && then.decision.refusal.reason).toContain('without the household’s agreement');
  });

  it('refuses an agreement dated after the sharing', () => {
    given(...inBriques).when(shareWithPartner({ householdAgreedOn: '2026-05-04', occurredAt: '2026-05-03' })).thenRefused({ code: 'agreement-after-sharing', stage: 'briques' });
  });

  it('refuses a document that does not exist yet', () => {
    given(...plain, contractSigned({ on: '2026-02-01' })).when(shareWithPartner({ householdAgreedOn: '2026-02-02', occurredAt: '2026-02-03' })).thenRefused({ code: 'document-not-available', stage: 'briques' });
    given(...plain).when(shareWithPartner({ document: 'diagnostic-recommendations', householdAgreedOn: '2026-01-21', occurredAt: '2026-01-22' })).thenEvents('DocumentShared');
  });
});
