import {
  bilanRecorded,
  briqueStarted,
  concludeDiagnostic,
  contractDrafted,
  contractSigned,
  contractSigned1,
  diagnosticConcluded,
  firstContact,
  given,
  gridRecorded,
  recordBilan,
  recordPoint,
  renew,
  saisineReceived,
  scenario,
  signContract,
  startBrique,
  startEvaluation,
} from './testing';

// The measure runs from 2026-02-01 to 2026-08-01.
const inBriques = [saisineReceived(), firstContact('2026-01-05'), diagnosticConcluded('propose-accompaniment', { on: '2026-01-20' }), contractSigned({ on: '2026-02-01', months: 6 })];
const requiresOf = (offers: { command: string; requires: { code: string }[] }[], command: string) => offers.find((o) => o.command === command)?.requires.map((r) => r.code);

describe('allowedCommands says what the server accepts on a date', () => {
  describe('after the measure ended, without a recent bilan', () => {
    const ended = given(...inBriques, briqueStarted('2.1', '2026-02-03'), bilanRecorded('2026-05-01'));

    it('offers neither the evaluation, a renewal, a point nor a new brique', () => {
      const allowed = ended.allowedOn('2026-08-10');
      for (const command of ['start-evaluation', 'renew', 'record-point', 'start-brique']) expect(allowed).not.toContain(command);
      expect(allowed).toEqual(expect.arrayContaining(['record-bilan', 'complete-brique', 'suspend', 'change-referent', 'withdraw', 'record-note']));
    });

    it('refuses them, with the rule that fails', () => {
      ended.when({ ...startEvaluation(), occurredAt: '2026-08-10' }).thenRefused({ code: 'measure-ended', stage: 'briques' });
      ended.when({ ...renew(), occurredAt: '2026-08-10' }).thenRefused({ code: 'bilan-required', stage: 'briques' });
      ended.when(recordPoint({ briqueCode: '2.1', occurredAt: '2026-08-10' })).thenRefused({ code: 'measure-ended', stage: 'briques' });
      ended.when(startBrique({ code: '2.2', occurredAt: '2026-08-10' })).thenRefused({ code: 'measure-ended', stage: 'briques' });
    });

    it('still offers and accepts them on a date within the measure', () => {
      expect(ended.allowedOn('2026-05-20')).toEqual(expect.arrayContaining(['start-evaluation', 'renew', 'record-point', 'start-brique']));
      ended.when({ ...startEvaluation(), occurredAt: '2026-08-01' }).thenStage('evaluation');
      ended.when(recordPoint({ briqueCode: '2.1', occurredAt: '2026-08-01' })).thenEvents('PointRecorded');
    });

    it('offers a renewal again once a bilan is recorded, and points after it', () => {
      const reviewed = given(...inBriques, briqueStarted('2.1', '2026-02-03'), bilanRecorded('2026-08-10'));
      expect(reviewed.allowedOn('2026-08-12')).toContain('renew');
      const renewed = reviewed.when({ ...renew(), occurredAt: '2026-08-12' }).thenEvents({ type: 'MeasureRenewed', data: { endsOn: '2027-02-01' } });
      expect(renewed.snapshot.context.measure?.endsOn).toBe('2027-02-01');
    });
  });

  describe('commands whose payload must name something', () => {
    it('offers record-point only once a brique runs, and says what its payload and date need', () => {
      expect(given(...inBriques).allowedOn('2026-03-01')).not.toContain('record-point');
      given(...inBriques).when(recordPoint({ briqueCode: '2.1', occurredAt: '2026-03-01' })).thenRefused({ code: 'brique-not-active' });
      const running = given(...inBriques, briqueStarted('2.1', '2026-02-10'));
      expect(running.allowedOn('2026-02-05')).not.toContain('record-point');
      expect(requiresOf(running.offersOn('2026-03-01'), 'record-point')).toEqual(['measure-ended', 'brique-not-active', 'point-before-brique-start']);
    });

    it('says that a renewal needs a recent bilan', () => {
      const offers = given(...inBriques, bilanRecorded('2026-07-20')).offersOn('2026-07-25');
      expect(offers.find((o) => o.command === 'renew')?.requires).toEqual([{ code: 'bilan-required', reason: 'A renewal is dated within 30 days after a bilan.' }]);
      given(...inBriques, bilanRecorded('2026-07-20')).when({ ...recordBilan(), occurredAt: '2026-07-25' }).thenEvents('BilanRecorded');
    });

    it('stops offering start-brique when every brique of the programme runs', () => {
      const all = ['2.1', '2.2', '2.3', '2.4', '2.5', '2.6', '2.7'].map((code) => briqueStarted(code, '2026-02-03'));
      expect(given(...inBriques, ...all.slice(1)).allowedOn('2026-03-01')).toContain('start-brique');
      expect(given(...inBriques, ...all).allowedOn('2026-03-01')).not.toContain('start-brique');
    });

    it('offers sign-contract while a party of the contract has not signed', () => {
      const drafted = given(saisineReceived(), firstContact('2026-01-05'), diagnosticConcluded('propose-accompaniment', { on: '2026-01-20' }), contractDrafted({ on: '2026-01-25' }));
      expect(requiresOf(drafted.offersOn('2026-01-26'), 'sign-contract')).toEqual(['landlord-not-on-contract', 'already-signed']);
      const half = given(saisineReceived(), firstContact('2026-01-05'), diagnosticConcluded('propose-accompaniment', { on: '2026-01-20' }), contractDrafted({ on: '2026-01-25' }), contractSigned1('household'));
      expect(half.allowedOn('2026-01-26')).toContain('sign-contract');
      half.when({ ...signContract({ party: 'referent' }), occurredAt: '2026-01-26' }).thenStage('briques');
    });

    it('names the household signature of the diagnostic on v1, not on v2', () => {
      const steps = [saisineReceived(), firstContact('2026-01-05'), gridRecorded('2026-01-10')];
      expect(requiresOf(given(...steps).offersOn('2026-01-12'), 'conclude-diagnostic')).toContain('household-signature-required');
      const v2 = scenario({ version: 2 })(saisineReceived({ workflowVersion: 2 }), firstContact('2026-01-05'), gridRecorded('2026-01-10'));
      expect(requiresOf(v2.offersOn('2026-01-12'), 'conclude-diagnostic')).not.toContain('household-signature-required');
      v2.when({ ...concludeDiagnostic({ householdSigned: false }), occurredAt: '2026-01-12' }).thenStage('contract');
    });
  });

  it('never offers close at a relais, which only the partner confirmation closes', () => {
    const relais = given(saisineReceived(), firstContact('2026-01-05'), diagnosticConcluded('orient-existing', { on: '2026-01-20' }));
    expect(relais.allowedOn('2026-02-01')).toEqual(['share-with-partner', 'change-referent', 'confirm-relais', 'withdraw', 'record-note']);
  });

  it('offers nothing on a date before the trajectory opened', () => {
    expect(given(...inBriques).allowedOn('2025-12-31')).toEqual([]);
  });
});
