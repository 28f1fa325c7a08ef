import { deadlineStatus, DEADLINE_KINDS, trajectoryDeadlines, trajectorySchedule } from './deadlines';
import {
  ASLL_VALIDATED_TEST,
  GLA_TEST,
  measureRejected,
  measureValidated,
  submittedForValidation,
  SCHEDULE_TEST,
  bilanRecorded,
  briqueStarted,
  contractSigned,
  diagnosticConcluded,
  evaluationStarted,
  finalEvaluation,
  firstContact,
  given,
  handedOff,
  pointRecorded,
  resumed,
  saisineReceived,
  suspended,
  veilleStarted,
  veilleVisit,
} from './testing';

const inBriques = [saisineReceived({ on: '2026-01-02' }), firstContact('2026-01-05'), diagnosticConcluded('propose-accompaniment', { on: '2026-01-20' }), contractSigned({ on: '2026-01-31', months: 6 })];
const owner = { ownerId: 'referent-1', briqueCode: null, code: null };

describe('trajectoryDeadlines', () => {
  it('saisine: first contact within the programme delay, no owner yet', () => {
    expect(trajectoryDeadlines(given(saisineReceived({ on: '2026-01-02' })).facts)).toEqual([{ kind: 'first-contact', dueOn: '2026-01-17', ownerId: null, briqueCode: null, code: null }]);
  });

  it('diagnostic: counted from the first contact, owned by the referent', () => {
    expect(trajectoryDeadlines(given(saisineReceived(), firstContact('2026-01-05')).facts)).toEqual([{ kind: 'diagnostic', dueOn: '2026-02-19', ...owner }]);
  });

  it('contract: signature counted from the diagnostic conclusion', () => {
    expect(trajectoryDeadlines(given(saisineReceived(), firstContact('2026-01-05'), diagnosticConcluded('propose-accompaniment', { on: '2026-01-20' })).facts)).toEqual([
      { kind: 'contract-signature', dueOn: '2026-02-19', ...owner },
    ]);
  });

  it('validation (issue 13): the validator decides within the programme delay of the submission; nothing is due once it decided', () => {
    const concluded = [saisineReceived({ programme: ASLL_VALIDATED_TEST }), firstContact('2026-01-05'), diagnosticConcluded('propose-accompaniment', { on: '2026-01-20' })];
    expect(trajectoryDeadlines(given(...concluded, submittedForValidation('2026-01-22')).facts)).toEqual([
      { kind: 'validation', dueOn: '2026-02-06', ...owner },
      { kind: 'contract-signature', dueOn: '2026-02-19', ...owner },
    ]);
    expect(trajectoryDeadlines(given(...concluded, submittedForValidation('2026-01-22'), measureRejected('2026-01-30')).facts).map((d) => d.kind)).toEqual(['contract-signature']);
    expect(trajectoryDeadlines(given(...concluded, submittedForValidation('2026-01-22'), measureRejected('2026-01-30'), submittedForValidation('2026-02-02')).facts)[0]).toEqual({
      kind: 'validation',
      dueOn: '2026-02-17',
      ...owner,
    });
    expect(trajectoryDeadlines(given(...concluded, submittedForValidation('2026-01-22'), measureValidated('2026-01-25')).facts).map((d) => d.kind)).toEqual(['contract-signature']);
  });

  it('briques: next bilan, next point of each monthly brique and measure end, months clamped to the month end', () => {
    const facts = given(...inBriques, briqueStarted('2.1', '2026-01-31'), briqueStarted('2.7', '2026-02-01')).facts;
    expect(trajectoryDeadlines(facts)).toEqual([
      { kind: 'point', dueOn: '2026-02-28', ownerId: 'referent-1', briqueCode: '2.1', code: null },
      { kind: 'bilan', dueOn: '2026-04-30', ...owner },
      { kind: 'measure-end', dueOn: '2026-07-31', ...owner },
    ]);
  });

  it('briques: the next point and bilan count from the last ones', () => {
    const facts = given(...inBriques, briqueStarted('2.1', '2026-02-01'), pointRecorded('2.1', '2026-03-10'), bilanRecorded('2026-04-15')).facts;
    expect(trajectoryDeadlines(facts).filter((d) => d.kind !== 'measure-end')).toEqual([
      { kind: 'point', dueOn: '2026-04-10', ownerId: 'referent-1', briqueCode: '2.1', code: null },
      { kind: 'bilan', dueOn: '2026-07-15', ...owner },
    ]);
  });

  it('issue 12: a back-dated point never moves the next point back (the latest point counts)', () => {
    const facts = given(...inBriques, briqueStarted('2.1', '2026-02-02'), pointRecorded('2.1', '2026-03-10'), pointRecorded('2.1', '2026-03-01')).facts;
    expect(trajectoryDeadlines(facts).find((d) => d.kind === 'point')).toEqual({ kind: 'point', dueOn: '2026-04-10', ownerId: 'referent-1', briqueCode: '2.1', code: null });
  });

  it('a yearly brique is due a year on', () => {
    const facts = given(saisineReceived({ programme: GLA_TEST }), firstContact('2026-01-05'), diagnosticConcluded(), contractSigned({ on: '2026-02-01', briques: ['3.4'] }), briqueStarted('3.4', '2026-02-01')).facts;
    expect(trajectoryDeadlines(facts)).toContainEqual({ kind: 'point', dueOn: '2027-02-01', ownerId: 'referent-1', briqueCode: '3.4', code: null });
  });

  it('suspension removes points and bilans; the measure end stays', () => {
    const facts = given(...inBriques, briqueStarted('2.1', '2026-02-01'), suspended('2026-03-01')).facts;
    expect(trajectoryDeadlines(facts)).toEqual([{ kind: 'measure-end', dueOn: '2026-07-31', ...owner }]);
  });

  it('after a resumption the cadence counts from the resumption', () => {
    const facts = given(...inBriques, briqueStarted('2.1', '2026-02-01'), suspended('2026-03-01'), resumed('2026-05-20')).facts;
    expect(trajectoryDeadlines(facts).filter((d) => d.kind !== 'measure-end')).toEqual([
      { kind: 'point', dueOn: '2026-06-20', ownerId: 'referent-1', briqueCode: '2.1', code: null },
      { kind: 'bilan', dueOn: '2026-08-20', ...owner },
    ]);
  });

  it('relais: confirmation expected within a month of the hand-off', () => {
    const facts = given(...inBriques, evaluationStarted('2026-07-01'), finalEvaluation(), handedOff('2026-07-10')).facts;
    expect(trajectoryDeadlines(facts)).toEqual([{ kind: 'relais-confirmation', dueOn: '2026-08-09', ...owner }]);
  });

  it('veille: a visit every 12 months from the start or the last visit, a back-dated visit aside', () => {
    const watching = [...inBriques, evaluationStarted('2026-07-01'), finalEvaluation(), veilleStarted('2026-07-10')];
    expect(trajectoryDeadlines(given(...watching).facts)).toEqual([{ kind: 'veille-visit', dueOn: '2027-07-10', ...owner }]);
    expect(trajectoryDeadlines(given(...watching, veilleVisit('2027-05-02')).facts)).toEqual([{ kind: 'veille-visit', dueOn: '2028-05-02', ...owner }]);
    expect(trajectoryDeadlines(given(...watching, veilleVisit('2027-05-02'), veilleVisit('2027-01-10')).facts)).toEqual([{ kind: 'veille-visit', dueOn: '2028-05-02', ...owner }]);
  });

  it('evaluation and closed have none', () => {
    expect(trajectoryDeadlines(given(...inBriques, evaluationStarted('2026-07-01')).facts)).toEqual([]);
  });

  it('lists the kinds of its contributors, in their order', () => {
    expect(DEADLINE_KINDS).toEqual(['first-contact', 'diagnostic', 'validation', 'contract-signature', 'bilan', 'point', 'point-cadence', 'milestone', 'measure-end', 'relais-confirmation', 'veille-visit']);
  });
});

describe('the programme’s schedule clauses (issue 17 §2), contributors of the same function', () => {
  const opened = saisineReceived({ on: '2025-12-20', programme: SCHEDULE_TEST });
  it('delays in weeks and calendar months: 31 Dec + 2 months = 28 Feb', () => {
    expect(trajectoryDeadlines(given(opened).facts)).toEqual([{ kind: 'first-contact', dueOn: '2026-01-03', ownerId: null, briqueCode: null, code: null }]);
    expect(trajectoryDeadlines(given(opened, firstContact('2025-12-31')).facts)).toEqual([
      { kind: 'diagnostic', dueOn: '2026-02-28', ...owner },
      { kind: 'milestone', dueOn: '2026-03-31', ...owner, code: 'lease-signed' },
    ]);
  });
  it('a cadence of a brique run during the diagnostic; a milestone anchored on another one', () => {
    const facts = given(opened, firstContact('2025-12-31'), briqueStarted('2.1', '2026-01-05'), pointRecorded('2.1', '2026-01-07'), {
      type: 'MilestoneRecorded',
      data: { code: 'lease-signed' },
      occurredAt: '2026-01-09',
    }).facts;
    expect(trajectoryDeadlines(facts)).toEqual([
      { kind: 'point-cadence', dueOn: '2026-01-18', ownerId: 'referent-1', briqueCode: '2.1', code: 'weekly' },
      { kind: 'diagnostic', dueOn: '2026-02-28', ...owner },
      { kind: 'milestone', dueOn: '2027-01-09', ...owner, code: 'lease-slid' },
    ]);
  });
  it('a landlord cadence counts points with the landlord present, during the measure only', () => {
    const landlordAtHome = { type: 'PointRecorded' as const, data: { briqueCode: '2.1', mode: 'home-visit', parties: ['household', 'landlord'] }, occurredAt: '2026-03-10' };
    const base = [opened, firstContact('2025-12-31'), diagnosticConcluded('propose-accompaniment', { on: '2026-01-20' }), contractSigned({ on: '2026-02-01', months: 12, briques: ['2.1'] }), briqueStarted('2.1', '2026-02-01')];
    const quarterly = (steps: Parameters<typeof given>) => trajectoryDeadlines(given(...steps).facts).find((d) => d.code === 'landlord-quarterly')?.dueOn;
    expect(quarterly(base)).toBe('2026-04-30');
    expect(quarterly([...base, pointRecorded('2.1', '2026-03-01')])).toBe('2026-04-30');
    expect(quarterly([...base, landlordAtHome])).toBe('2026-07-31');
    expect(quarterly([...base, landlordAtHome, suspended('2026-03-20')])).toBeUndefined();
  });
});

describe('trajectorySchedule', () => {
  it('lists every planned bilan until the measure end, the next point and the measure end', () => {
    // Measure 2026-01-31 -> 2026-07-31, bilan every 3 months (ASLL_TEST): 30 April, then 31 July (counted from the base, clamped).
    const facts = given(...inBriques, briqueStarted('2.1', '2026-02-01')).facts;
    expect(trajectorySchedule(facts).map((d) => [d.kind, d.dueOn])).toEqual([
      ['point', '2026-03-01'],
      ['bilan', '2026-04-30'],
      ['bilan', '2026-07-31'],
      ['measure-end', '2026-07-31'],
    ]);
  });

  it('starts what is due now with trajectoryDeadlines', () => {
    const facts = given(...inBriques, briqueStarted('2.1', '2026-02-01'), bilanRecorded('2026-03-15')).facts;
    const now = trajectoryDeadlines(facts);
    expect(trajectorySchedule(facts)).toEqual(expect.arrayContaining(now));
    expect(trajectorySchedule(facts).filter((d) => d.kind === 'bilan').map((d) => d.dueOn)).toEqual(['2026-06-15']);
  });

  it('veille: the next visit', () => {
    const facts = given(...inBriques, evaluationStarted('2026-07-01'), finalEvaluation(), veilleStarted('2026-07-10')).facts;
    expect(trajectorySchedule(facts)).toEqual([{ kind: 'veille-visit', dueOn: '2027-07-10', ...owner }]);
  });
});

describe('deadlineStatus', () => {
  it('is decided against the date asked: upcoming, due within 7 days, overdue', () => {
    expect(deadlineStatus('2026-03-10', '2026-03-01')).toBe('upcoming');
    expect(deadlineStatus('2026-03-08', '2026-03-01')).toBe('due-soon');
    expect(deadlineStatus('2026-03-01', '2026-03-01')).toBe('due-soon');
    expect(deadlineStatus('2026-02-28', '2026-03-01')).toBe('overdue');
  });
});
