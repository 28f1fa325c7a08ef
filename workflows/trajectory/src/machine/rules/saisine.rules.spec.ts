import {
  assignReferent,
  contractSigned,
  decline,
  diagnosticConcluded,
  firstContact,
  given,
  raw,
  receiveSaisine,
  recordFirstContact,
  referentAssigned,
  reorient,
  reoriented,
  saisineReceived,
} from '../../testing';

describe('saisine', () => {
  describe('receive-saisine', () => {
    it('opens a trajectory with the programme terms and the machine version', () => {
      given()
        .when(receiveSaisine({ occurredAt: '2026-01-02' }))
        .thenEvents({
          type: 'SaisineReceived',
          data: { workflowVersion: 1, programme: { code: 'asll-test', renewals: { count: 2, months: 6 } }, prescriber: { kind: 'ccas' } },
        })
        .thenStage('saisine');
    });

    it('names the household with a fresh id unless one is given', () => {
      const fresh = given().when(receiveSaisine({ occurredAt: '2026-01-02' }));
      const linked = given().when(receiveSaisine({ occurredAt: '2026-01-02', householdId: '3f0e8b1a-7c2d-4e5f-9a6b-1c2d3e4f5a6b' }));
      expect(fresh.snapshot.context.householdId).toMatch(/^00000000-/);
      expect(linked.snapshot.context.householdId).toBe('3f0e8b1a-7c2d-4e5f-9a6b-1c2d3e4f5a6b');
    });

    it('keeps identifying data in data.personal only', () => {
      const then = given().when(receiveSaisine({ occurredAt: '2026-01-02' }));
      const data = (then.decision.accepted ? then.decision.events[0].data : {}) as Record<string, unknown>;
      expect(data.personal).toEqual({ household: { lastName: 'Durand', firstName: 'Paul', address: '1 rue de la Paix, Lyon' } });
      expect(JSON.stringify({ ...data, personal: undefined })).not.toMatch(/Durand|Paul|rue de la Paix/);
      expect(JSON.stringify(then.snapshot.context)).not.toMatch(/Durand|Paul|rue de la Paix/);
    });

    it('refuses an unknown programme', () => {
      given().when(receiveSaisine({ programmeCode: 'nope', occurredAt: '2026-01-02' })).thenRefused({ code: 'unknown-programme', kind: 'invalid', stage: 'new' });
    });

    it('refuses an incomplete saisine and names every wrong field', () => {
      const then = given().when(raw('receive-saisine', { programmeCode: 'asll-test', motives: ['boredom'] }, '2026-01-02'));
      then.thenRefused({ code: 'invalid-payload', kind: 'invalid' });
      const fields = then.decision.accepted ? [] : (then.decision.refusal.fields ?? []).map((f) => f.field);
      expect(fields).toEqual(expect.arrayContaining(['prescriber', 'motives.0', 'household']));
    });

    it('refuses a second saisine on an open trajectory', () => {
      given(saisineReceived()).when(receiveSaisine()).thenRefused({ code: 'command-not-allowed', stage: 'saisine' });
    });
  });

  describe('assign-referent', () => {
    it('names the social worker', () => {
      given(saisineReceived())
        .when(assignReferent({ referentId: 'referent-7' }))
        .thenEvents({ type: 'ReferentAssigned', data: { referentId: 'referent-7' } })
        .thenStage('saisine');
    });

    it('re-assigns before the first contact, keeping who it was', () => {
      given(saisineReceived(), referentAssigned('referent-1'))
        .when(assignReferent({ referentId: 'referent-2' }))
        .thenEvents({ type: 'ReferentAssigned', data: { referentId: 'referent-2', previousReferentId: 'referent-1' } });
    });

    it('refuses to assign the referent already assigned', () => {
      given(saisineReceived(), referentAssigned('referent-1'))
        .when(assignReferent({ referentId: 'referent-1' }))
        .thenRefused({ code: 'referent-already-assigned', stage: 'saisine' });
    });

    it('is a saisine command: later, change-referent hands over', () => {
      given(saisineReceived(), firstContact('2026-01-05')).when(assignReferent()).thenRefused({ code: 'command-not-allowed', stage: 'diagnostic' });
    });
  });

  describe('record-first-contact', () => {
    it('moves to the diagnostic', () => {
      given(saisineReceived(), referentAssigned())
        .when(recordFirstContact({ mode: 'tripartite-meeting', occurredAt: '2026-01-05' }))
        .thenEvents({ type: 'FirstContactRecorded', data: { mode: 'tripartite-meeting' } })
        .thenStage('diagnostic');
    });

    it('needs a referent', () => {
      given(saisineReceived()).when(recordFirstContact()).thenRefused({ code: 'referent-required', stage: 'saisine', kind: 'rule' });
    });

    it('cannot be dated before the saisine', () => {
      given(saisineReceived({ on: '2026-01-02' }), referentAssigned())
        .when(recordFirstContact({ occurredAt: '2026-01-01' }))
        .thenRefused({ code: 'occurred-before-opening', stage: 'saisine', kind: 'invalid' });
    });

    it('cannot be dated in the future', () => {
      given(saisineReceived(), referentAssigned())
        .when(recordFirstContact({ occurredAt: '2027-07-01' }))
        .thenRefused({ code: 'occurred-in-future', stage: 'saisine', kind: 'invalid' });
    });

    it('refuses an unknown contact mode', () => {
      given(saisineReceived(), referentAssigned()).when(raw('record-first-contact', { mode: 'carrier-pigeon' })).thenRefused({ code: 'invalid-payload' });
    });
  });

  describe('reorient', () => {
    it('closes the saisine with where the household was sent', () => {
      const then = given(saisineReceived())
        .when(reorient())
        .thenEvents({ type: 'SaisineReoriented', data: { orientation: { kind: 'siao' } } })
        .thenStage('closed');
      expect(then.snapshot.context.closing).toMatchObject({ kind: 'reoriented', orientation: { kind: 'siao' } });
      expect(then.snapshot.status).toBe('done');
    });

    it('needs an orientation', () => {
      // The command's schema requires it, so the input is refused before the rule is asked.
      const then = given(saisineReceived()).when(raw('reorient', {})).thenRefused({ code: 'invalid-payload', kind: 'invalid', stage: 'saisine' });
      expect(then.decision.accepted ? [] : then.decision.refusal.fields).toEqual([expect.objectContaining({ field: 'orientation', reason: 'is required' })]);
    });

    it('is only possible at the saisine', () => {
      given(saisineReceived(), firstContact()).when(reorient()).thenRefused({ code: 'command-not-allowed', stage: 'diagnostic' });
    });
  });

  describe('decline', () => {
    it('closes the saisine; adhesion is free, no orientation is demanded', () => {
      given(saisineReceived()).when(decline()).thenEvents('SaisineDeclined').thenStage('closed');
    });

    it('at the contract, closes with an orientation', () => {
      given(saisineReceived(), firstContact(), diagnosticConcluded())
        .when(decline({ orientation: { kind: 'departement-social-services' } }))
        .thenEvents({ type: 'ContractDeclined', data: { orientation: { kind: 'departement-social-services' } } })
        .thenStage('closed');
    });

    it('at the contract, refuses to leave the household without an orientation', () => {
      given(saisineReceived(), firstContact(), diagnosticConcluded()).when(decline()).thenRefused({ code: 'orientation-required', stage: 'contract' });
    });

    it('is not possible once the measure runs (withdraw is)', () => {
      given(saisineReceived(), firstContact(), diagnosticConcluded(), contractSigned()).when(decline()).thenRefused({ code: 'command-not-allowed', stage: 'briques' });
    });

    it('nothing more is accepted once closed', () => {
      given(saisineReceived(), reoriented()).when(decline()).thenRefused({ code: 'trajectory-closed', stage: 'closed' });
    });
  });
});
