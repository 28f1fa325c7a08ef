import { deadlineStatus, nextDeadlines } from './deadlines';
import {
  ASLL_TEST,
  GLA_TEST,
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

describe('nextDeadlines', () => {
  it('saisine: first contact within the programme delay', () => {
    expect(nextDeadlines(given(saisineReceived({ on: '2026-01-02' })).snapshot, ASLL_TEST)).toEqual([{ kind: 'first-contact', dueOn: '2026-01-17' }]);
  });

  it('diagnostic: counted from the first contact, owned by the referent', () => {
    expect(nextDeadlines(given(saisineReceived(), firstContact('2026-01-05')).snapshot, ASLL_TEST)).toEqual([{ kind: 'diagnostic', dueOn: '2026-02-19', ownerId: 'referent-1' }]);
  });

  it('contract: signature counted from the diagnostic conclusion', () => {
    expect(nextDeadlines(given(saisineReceived(), firstContact('2026-01-05'), diagnosticConcluded('propose-accompaniment', { on: '2026-01-20' })).snapshot, ASLL_TEST)).toEqual([
      { kind: 'contract-signature', dueOn: '2026-02-19', ownerId: 'referent-1' },
    ]);
  });

  it('briques: next bilan, next point of each monthly brique and measure end, months clamped to the month end', () => {
    const snapshot = given(...inBriques, briqueStarted('2.1', '2026-01-31'), briqueStarted('2.7', '2026-02-01')).snapshot;
    expect(nextDeadlines(snapshot, ASLL_TEST)).toEqual([
      { kind: 'point', dueOn: '2026-02-28', ownerId: 'referent-1', briqueCode: '2.1' },
      { kind: 'bilan', dueOn: '2026-04-30', ownerId: 'referent-1' },
      { kind: 'measure-end', dueOn: '2026-07-31', ownerId: 'referent-1' },
    ]);
  });

  it('briques: the next point and bilan count from the last ones', () => {
    const snapshot = given(...inBriques, briqueStarted('2.1', '2026-02-01'), pointRecorded('2.1', '2026-03-10'), bilanRecorded('2026-04-15')).snapshot;
    expect(nextDeadlines(snapshot, ASLL_TEST).filter((d) => d.kind !== 'measure-end')).toEqual([
      { kind: 'point', dueOn: '2026-04-10', ownerId: 'referent-1', briqueCode: '2.1' },
      { kind: 'bilan', dueOn: '2026-07-15', ownerId: 'referent-1' },
    ]);
  });

  it('a yearly brique is due a year on', () => {
    const snapshot = given(saisineReceived({ programme: GLA_TEST }), firstContact('2026-01-05'), diagnosticConcluded(), contractSigned({ on: '2026-02-01', briques: ['3.4'] }), briqueStarted('3.4', '2026-02-01')).snapshot;
    expect(nextDeadlines(snapshot, GLA_TEST)).toContainEqual({ kind: 'point', dueOn: '2027-02-01', ownerId: 'referent-1', briqueCode: '3.4' });
  });

  it('suspension removes points and bilans; the measure end stays', () => {
    const snapshot = given(...inBriques, briqueStarted('2.1', '2026-02-01'), suspended('2026-03-01')).snapshot;
    expect(nextDeadlines(snapshot, ASLL_TEST)).toEqual([{ kind: 'measure-end', dueOn: '2026-07-31', ownerId: 'referent-1' }]);
  });

  it('after a resumption the cadence counts from the resumption', () => {
    const snapshot = given(...inBriques, briqueStarted('2.1', '2026-02-01'), suspended('2026-03-01'), resumed('2026-05-20')).snapshot;
    expect(nextDeadlines(snapshot, ASLL_TEST).filter((d) => d.kind !== 'measure-end')).toEqual([
      { kind: 'point', dueOn: '2026-06-20', ownerId: 'referent-1', briqueCode: '2.1' },
      { kind: 'bilan', dueOn: '2026-08-20', ownerId: 'referent-1' },
    ]);
  });

  it('relais: confirmation expected within a month of the hand-off', () => {
    const snapshot = given(...inBriques, evaluationStarted('2026-07-01'), finalEvaluation(), handedOff('2026-07-10')).snapshot;
    expect(nextDeadlines(snapshot, ASLL_TEST)).toEqual([{ kind: 'relais-confirmation', dueOn: '2026-08-09', ownerId: 'referent-1' }]);
  });

  it('veille: a visit every 12 months from the start or the last visit', () => {
    const watching = [...inBriques, evaluationStarted('2026-07-01'), finalEvaluation(), veilleStarted('2026-07-10')];
    expect(nextDeadlines(given(...watching).snapshot, ASLL_TEST)).toEqual([{ kind: 'veille-visit', dueOn: '2027-07-10', ownerId: 'referent-1' }]);
    expect(nextDeadlines(given(...watching, veilleVisit('2027-05-02')).snapshot, ASLL_TEST)).toEqual([{ kind: 'veille-visit', dueOn: '2028-05-02', ownerId: 'referent-1' }]);
  });

  it('evaluation and closed have none', () => {
    expect(nextDeadlines(given(...inBriques, evaluationStarted('2026-07-01')).snapshot, ASLL_TEST)).toEqual([]);
  });
});

describe('deadlineStatus', () => {
  it('is decided against today: upcoming, due within 7 days, overdue', () => {
    expect(deadlineStatus('2026-03-20', '2026-03-01')).toBe('upcoming');
    expect(deadlineStatus('2026-03-08', '2026-03-01')).toBe('due-soon');
    expect(deadlineStatus('2026-03-01', '2026-03-01')).toBe('due-soon');
    expect(deadlineStatus('2026-02-28', '2026-03-01')).toBe('overdue');
  });
});
