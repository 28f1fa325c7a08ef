import { contractDrafted, contractSigned1, diagnosticConcluded, draftContract, firstContact, given, saisineReceived, signContract } from '../../testing';

const inContract = [saisineReceived(), firstContact('2026-01-05'), diagnosticConcluded('propose-accompaniment', { on: '2026-01-20' })];

describe('contract', () => {
  describe('draft-contract', () => {
    it('states the measure; objectives wording stays personal', () => {
      const then = given(...inContract)
        .when(draftContract({ occurredAt: '2026-01-25' }))
        .thenEvents({ type: 'ContractDrafted', data: { measureType: 'ASLL', durationMonths: 6, bilanEveryMonths: 3, conventionId: 'conv-2026', objectives: [{ id: 'obj-1' }] } });
      expect(then.snapshot.context.contract).toMatchObject({ requiredParties: ['household', 'referent'], signatures: {} });
      expect(JSON.stringify(then.snapshot.context)).not.toContain('dette');
    });

    it('makes the landlord a signatory when it names one', () => {
      const then = given(...inContract).when(draftContract({ landlord: { name: 'Habitat 69' } }));
      expect(then.snapshot.context.contract?.requiredParties).toEqual(['household', 'referent', 'landlord']);
    });

    it('a redraft voids earlier signatures', () => {
      const then = given(...inContract, contractDrafted(), contractSigned1('household')).when(draftContract());
      expect(then.snapshot.context.contract?.signatures).toEqual({});
    });

    it('refuses briques the programme does not allow', () => {
      given(...inContract).when(draftContract({ briques: ['2.1', '3.3'] })).thenRefused({ code: 'brique-not-allowed', stage: 'contract' });
    });

    it('refuses codes that are not in the catalogue', () => {
      given(...inContract).when(draftContract({ briques: ['9.9'] })).thenRefused({ code: 'unknown-brique', stage: 'contract', kind: 'invalid' });
    });
  });

  describe('sign-contract', () => {
    it('records one signature; the measure waits for the others', () => {
      given(...inContract, contractDrafted({ on: '2026-01-25' }))
        .when(signContract({ party: 'household', occurredAt: '2026-01-28' }))
        .thenEvents({ type: 'ContractSigned', data: { party: 'household' } })
        .thenStage('contract');
    });

    it('starts the measure on the last signature, for the contract duration', () => {
      const then = given(...inContract, contractDrafted({ on: '2026-01-25', months: 6 }), contractSigned1('household', '2026-01-28'))
        .when(signContract({ party: 'referent', occurredAt: '2026-01-31' }))
        .thenEvents({ type: 'ContractSigned', data: { party: 'referent' } }, { type: 'MeasureStarted', data: { startsOn: '2026-01-31', endsOn: '2026-07-31' } })
        .thenStage('briques');
      expect(then.snapshot.context.measure).toEqual({ startsOn: '2026-01-31', endsOn: '2026-07-31', measureType: 'ASLL', renewalsUsed: 0 });
    });

    it('waits for the landlord when the contract names one', () => {
      given(...inContract, contractDrafted({ landlord: true }), contractSigned1('household'))
        .when(signContract({ party: 'referent' }))
        .thenEvents('ContractSigned')
        .thenStage('contract');
      given(...inContract, contractDrafted({ landlord: true }), contractSigned1('household'), contractSigned1('referent'))
        .when(signContract({ party: 'landlord', occurredAt: '2026-02-03' }))
        .thenEvents('ContractSigned', { type: 'MeasureStarted', data: { startsOn: '2026-02-03' } });
    });

    it('refuses a landlord signature when the contract names no landlord', () => {
      given(...inContract, contractDrafted()).when(signContract({ party: 'landlord' })).thenRefused({ code: 'landlord-not-on-contract', stage: 'contract' });
    });

    it('refuses a second signature by the same party', () => {
      given(...inContract, contractDrafted(), contractSigned1('household')).when(signContract({ party: 'household' })).thenRefused({ code: 'already-signed', stage: 'contract' });
    });

    it('needs a drafted contract', () => {
      given(...inContract).when(signContract()).thenRefused({ code: 'contract-required', stage: 'contract' });
    });
  });
});
