import { addMonths } from '../../../../../libs/domain/src';
import {
  bilanRecorded,
  briqueStarted,
  changeReferent,
  completeBrique,
  contractSigned,
  diagnosticConcluded,
  firstContact,
  given,
  pointRecorded,
  raw,
  recordBilan,
  recordPoint,
  renew,
  renewed,
  resume,
  resumed,
  saisineReceived,
  startBrique,
  startEvaluation,
  suspend,
  suspended,
} from '../../testing';

const inBriques = [saisineReceived(), firstContact('2026-01-05'), diagnosticConcluded('propose-accompaniment', { on: '2026-01-20' }), contractSigned({ on: '2026-02-01', months: 6 })];

describe('briques', () => {
  describe('start-brique', () => {
    it('starts a brique of the programme, with its cadence', () => {
      const then = given(...inBriques)
        .when(startBrique({ code: '2.5', occurredAt: '2026-02-03' }))
        .thenEvents({ type: 'BriqueStarted', data: { code: '2.5', group: 'AVDL', cadence: 'monthly' } });
      expect(then.snapshot.context.activeBriques).toEqual([{ code: '2.5', group: 'AVDL', cadence: 'monthly', startedOn: '2026-02-03', points: 0 }]);
    });

    it('refuses a brique the programme does not allow', () => {
      given(...inBriques).when(startBrique({ code: '3.2' })).thenRefused({ code: 'brique-not-allowed', stage: 'briques' });
    });

    it('refuses a code that is not in the catalogue', () => {
      given(...inBriques).when(startBrique({ code: 'yoga' })).thenRefused({ code: 'unknown-brique', stage: 'briques' });
    });

    it('refuses a brique that is already active', () => {
      given(...inBriques, briqueStarted('2.1')).when(startBrique({ code: '2.1' })).thenRefused({ code: 'brique-already-active', stage: 'briques' });
    });

    it('refuses a brique started after the measure ended', () => {
      given(...inBriques).when(startBrique({ code: '2.1', occurredAt: '2026-08-02' })).thenRefused({ code: 'measure-ended', stage: 'briques' });
    });

    it('refuses while the measure is suspended', () => {
      given(...inBriques, suspended('2026-03-01')).when(startBrique({ code: '2.1', occurredAt: '2026-03-02' })).thenRefused({ code: 'measure-suspended', stage: 'briques' });
    });
  });

  describe('record-point', () => {
    it('records a point on an active brique', () => {
      const then = given(...inBriques, briqueStarted('2.1', '2026-02-02'))
        .when(recordPoint({ briqueCode: '2.1', occurredAt: '2026-03-02' }))
        .thenEvents({ type: 'PointRecorded', data: { briqueCode: '2.1', mode: 'home-visit', personal: { summary: 'Visite à domicile' } } });
      expect(then.snapshot.context.activeBriques[0]).toMatchObject({ lastPointOn: '2026-03-02', points: 1 });
    });

    it('records who was present at a tripartite meeting, categorically and in one order, the notes staying personal', () => {
      given(...inBriques, briqueStarted('2.5', '2026-02-02'))
        .when(recordPoint({ briqueCode: '2.5', mode: 'tripartite-meeting', parties: ['landlord', 'household', 'referent'], personal: { summary: 'Rencontre chez le ménage avec le bailleur' }, occurredAt: '2026-03-02' }))
        .thenEvents({ type: 'PointRecorded', data: { mode: 'tripartite-meeting', parties: ['household', 'referent', 'landlord'], personal: { summary: 'Rencontre chez le ménage avec le bailleur' } } });
    });

    it('refuses a party that is not in the vocabulary, twice the same party, and an empty list', () => {
      const running = given(...inBriques, briqueStarted('2.1', '2026-02-02'));
      running.when(recordPoint({ briqueCode: '2.1', mode: 'synthesis-meeting', parties: ['household', 'M. Dupont'] as never, occurredAt: '2026-03-02' })).thenRefused({ code: 'invalid-payload', kind: 'invalid' });
      running.when(recordPoint({ briqueCode: '2.1', parties: ['landlord', 'landlord'], occurredAt: '2026-03-02' })).thenRefused({ code: 'invalid-payload', kind: 'invalid' });
      running.when(recordPoint({ briqueCode: '2.1', parties: [], occurredAt: '2026-03-02' })).thenRefused({ code: 'invalid-payload', kind: 'invalid' });
    });

    it('leaves parties out when they were not recorded', () => {
      const then = given(...inBriques, briqueStarted('2.1', '2026-02-02')).when(recordPoint({ briqueCode: '2.1', occurredAt: '2026-03-02' })).thenEvents('PointRecorded');
      expect(then.decision.accepted && 'parties' in (then.decision.events[0].data as object)).toBe(false);
    });

    it('refuses a point on a brique that is not active', () => {
      given(...inBriques).when(recordPoint({ briqueCode: '2.1' })).thenRefused({ code: 'brique-not-active', stage: 'briques' });
    });

    it('refuses a point while suspended', () => {
      given(...inBriques, briqueStarted('2.1'), suspended('2026-03-01'))
        .when(recordPoint({ briqueCode: '2.1', occurredAt: '2026-03-05' }))
        .thenRefused({ code: 'measure-suspended', stage: 'briques' });
    });

    it('refuses a point dated after the measure ended (2026-08-01), and accepts one on its last day', () => {
      const running = given(...inBriques, briqueStarted('2.1', '2026-02-02'));
      running.when(recordPoint({ briqueCode: '2.1', occurredAt: '2026-08-02' })).thenRefused({ code: 'measure-ended', stage: 'briques' });
      running.when(recordPoint({ briqueCode: '2.1', occurredAt: '2026-08-01' })).thenEvents('PointRecorded');
    });

    it('refuses a point dated before the brique started', () => {
      given(...inBriques, briqueStarted('2.1', '2026-03-01'))
        .when(recordPoint({ briqueCode: '2.1', occurredAt: '2026-02-15' }))
        .thenRefused({ code: 'point-before-brique-start', stage: 'briques' });
    });
  });

  describe('complete-brique', () => {
    it('ends a brique with its result', () => {
      const then = given(...inBriques, briqueStarted('2.1', '2026-02-02'), pointRecorded('2.1', '2026-03-02'))
        .when(completeBrique({ briqueCode: '2.1', result: 'partly', occurredAt: '2026-04-01' }))
        .thenEvents({ type: 'BriqueCompleted', data: { result: 'partly' } });
      expect(then.snapshot.context.activeBriques).toEqual([]);
      expect(then.snapshot.context.completedBriques).toEqual([{ code: '2.1', startedOn: '2026-02-02', completedOn: '2026-04-01', result: 'partly', points: 1 }]);
    });

    it('refuses a brique that is not active', () => {
      given(...inBriques).when(completeBrique({ briqueCode: '2.4' })).thenRefused({ code: 'brique-not-active', stage: 'briques' });
    });
  });

  describe('record-bilan', () => {
    it('numbers the bilans of the measure', () => {
      const then = given(...inBriques, bilanRecorded('2026-04-30'))
        .when(recordBilan({ occurredAt: '2026-07-30' }))
        .thenEvents({ type: 'BilanRecorded', data: { number: 2 } });
      expect(then.snapshot.context).toMatchObject({ lastBilanOn: '2026-07-30', bilansCount: 2 });
    });

    it('refuses a bilan dated before the measure started', () => {
      given(...inBriques).when(recordBilan({ occurredAt: '2026-01-25' })).thenRefused({ code: 'before-measure-start', stage: 'briques' });
    });
  });

  describe('suspend / resume', () => {
    it('suspends: the briques stage shows the suspended sub-state', () => {
      const then = given(...inBriques)
        .when(suspend({ reason: 'prison', occurredAt: '2026-03-01' }))
        .thenEvents({ type: 'MeasureSuspended', data: { reason: 'prison' } })
        .thenStage('briques');
      expect(then.snapshot.value).toEqual({ open: { briques: 'suspended' } });
      expect(then.snapshot.context).toMatchObject({ suspendedSince: '2026-03-01', suspensionReason: 'prison' });
    });

    it('refuses to suspend twice', () => {
      given(...inBriques, suspended('2026-03-01')).when(suspend()).thenRefused({ code: 'already-suspended', stage: 'briques' });
    });

    it('resumes, keeping the period for billing', () => {
      const then = given(...inBriques, suspended('2026-03-01'))
        .when(resume({ occurredAt: '2026-03-21' }))
        .thenEvents({ type: 'MeasureResumed', data: { suspendedSince: '2026-03-01', days: 20 } });
      expect(then.snapshot.value).toEqual({ open: { briques: 'active' } });
      expect(then.snapshot.context.suspensions).toEqual([{ from: '2026-03-01', to: '2026-03-21' }]);
    });

    it('refuses to resume a measure that is not suspended', () => {
      given(...inBriques).when(resume()).thenRefused({ code: 'not-suspended', stage: 'briques' });
    });

    it('refuses to resume before the suspension', () => {
      given(...inBriques, suspended('2026-03-10')).when(resume({ occurredAt: '2026-03-01' })).thenRefused({ code: 'resume-before-suspension', stage: 'briques' });
    });
  });

  describe('change-referent', () => {
    it('hands the household over with a note kept personal', () => {
      const then = given(...inBriques)
        .when(changeReferent({ referentId: 'referent-2' }))
        .thenEvents({ type: 'ReferentChanged', data: { referentId: 'referent-2', previousReferentId: 'referent-1', personal: { handOverNote: 'Suivi repris par Léa' } } });
      expect(then.snapshot.context.referentId).toBe('referent-2');
    });

    it('refuses a hand-over to the same referent', () => {
      given(...inBriques).when(changeReferent({ referentId: 'referent-1' })).thenRefused({ code: 'same-referent', stage: 'briques' });
    });

    it('refuses before any referent is assigned', () => {
      given(saisineReceived()).when(changeReferent()).thenRefused({ code: 'referent-required', stage: 'saisine' });
    });
  });

  describe('renew', () => {
    it('extends the measure by the programme renewal from its end', () => {
      const then = given(...inBriques, bilanRecorded('2026-07-01'))
        .when(renew({ occurredAt: '2026-07-20' }))
        .thenEvents({ type: 'MeasureRenewed', data: { renewalNumber: 1, months: 6, previousEndsOn: '2026-08-01', endsOn: '2027-02-01' } });
      expect(then.snapshot.context.measure).toMatchObject({ endsOn: '2027-02-01', renewalsUsed: 1 });
    });

    it('refuses a renewal without a bilan in the last 30 days', () => {
      given(...inBriques, bilanRecorded('2026-03-01')).when(renew({ occurredAt: '2026-07-20' })).thenRefused({ code: 'bilan-required', stage: 'briques' });
    });

    it('refuses a renewal with no bilan at all', () => {
      given(...inBriques).when(renew({ occurredAt: '2026-07-20' })).thenRefused({ code: 'bilan-required', stage: 'briques' });
    });

    it('counts the 30 days from the renewal date, inclusive', () => {
      given(...inBriques, bilanRecorded('2026-06-20')).when(renew({ occurredAt: '2026-07-20' })).thenEvents('MeasureRenewed');
      given(...inBriques, bilanRecorded('2026-06-19')).when(renew({ occurredAt: '2026-07-20' })).thenRefused({ code: 'bilan-required' });
    });

    it("stays within the programme's renewals", () => {
      given(...inBriques, bilanRecorded('2026-07-01'), renewed('2026-07-02'), renewed('2026-07-03'))
        .when(renew({ occurredAt: '2026-07-20' }))
        .thenRefused({ code: 'renewals-exhausted', stage: 'briques' });
    });
  });

  describe('start-evaluation', () => {
    it('goes to evaluation at or before the measure end', () => {
      given(...inBriques).when(startEvaluation({ occurredAt: '2026-08-01' })).thenEvents({ type: 'EvaluationStarted', data: { measureEndsOn: '2026-08-01' } }).thenStage('evaluation');
    });

    it('refuses after the measure ended', () => {
      given(...inBriques).when(startEvaluation({ occurredAt: addMonths('2026-08-01', 1) })).thenRefused({ code: 'measure-ended', stage: 'briques' });
    });

    it('refuses while suspended', () => {
      given(...inBriques, suspended('2026-03-01')).when(startEvaluation({ occurredAt: '2026-04-01' })).thenRefused({ code: 'measure-suspended', stage: 'briques' });
    });
  });

  it('after a resumption points are accepted again', () => {
    given(...inBriques, briqueStarted('2.1'), suspended('2026-03-01'), resumed('2026-03-10'))
      .when(recordPoint({ occurredAt: '2026-03-11' }))
      .thenEvents('PointRecorded');
  });

  it('refuses a point whose mode is unknown', () => {
    given(...inBriques, briqueStarted('2.1')).when(raw('record-point', { briqueCode: '2.1', mode: 'telepathy' })).thenRefused({ code: 'invalid-payload' });
  });
});
