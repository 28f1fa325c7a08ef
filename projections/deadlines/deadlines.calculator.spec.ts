import { evolveTrajectoryFacts, type TrajectoryFacts } from '../core/trajectory-facts.reducer';
import { TrajectoryJourney } from '../core/trajectory-events.builder';
import { deadlineStatus, deadlinesOf } from './deadlines.calculator';

function factsOf(j: TrajectoryJourney): TrajectoryFacts {
  const facts = j.recorded().reduce<TrajectoryFacts | undefined>((f, e) => evolveTrajectoryFacts(f, e), undefined);
  if (!facts) throw new Error('no facts');
  return facts;
}

const due = (j: TrajectoryJourney) => deadlinesOf(factsOf(j)).map((d) => [d.kind, d.dueOn, d.briqueCode || undefined, d.ownerId ?? undefined].filter((x) => x !== undefined));

describe('deadlines (domain §6)', () => {
  it('first contact is due firstContactDays after the saisine, owned by the referent', () => {
    const j = new TrajectoryJourney().saisine('2026-01-05');
    expect(due(j)).toEqual([['first-contact', '2026-01-20']]);
    j.assign('2026-01-06', 'ref-1');
    expect(due(j)).toEqual([['first-contact', '2026-01-20', 'ref-1']]);
  });

  it('diagnostic counts from the first contact, contract signature from the conclusion', () => {
    const j = new TrajectoryJourney().saisine('2026-01-05').assign('2026-01-06', 'r').firstContact('2026-01-10');
    expect(due(j)).toEqual([['diagnostic', '2026-02-24', 'r']]);
    j.conclude('2026-02-01');
    expect(due(j)).toEqual([['contract-signature', '2026-03-03', 'r']]);
  });

  it('in briques: the next bilan, a point per monthly brique, the measure end; months clamp', () => {
    const j = new TrajectoryJourney()
      .saisine('2026-01-02')
      .assign('2026-01-02', 'r')
      .firstContact('2026-01-03')
      .conclude('2026-01-10')
      .draft('2026-01-12')
      .sign('2026-01-31', 'household')
      .measureStarted('2026-01-31', '2026-07-31')
      .brique('2026-01-31', '2.1', 'monthly')
      .brique('2026-01-31', '3.4', 'yearly', 'GLA')
      .brique('2026-01-31', '1.5', 'once', 'diagnostic');
    expect(due(j)).toEqual([
      ['point', '2026-02-28', '2.1', 'r'], // 31 January + 1 month clamps to 28 February
      ['bilan', '2026-04-30', 'r'], // 31 January + 3 months clamps to 30 April
      ['measure-end', '2026-07-31', 'r'],
      ['point', '2027-01-31', '3.4', 'r'],
    ]);
  });

  it('a recorded bilan moves the next one; a point moves its brique', () => {
    const j = new TrajectoryJourney().saisine('2026-01-02').firstContact('2026-01-03').conclude('2026-01-10').measureStarted('2026-02-01', '2026-08-01').brique('2026-02-01', '2.1');
    j.bilan('2026-04-20').point('2026-03-15', '2.1');
    expect(due(j)).toEqual([
      ['point', '2026-04-15', '2.1'],
      ['bilan', '2026-07-20'],
      ['measure-end', '2026-08-01'],
    ]);
  });

  it('a suspension removes the bilan and points while it lasts; they count again from the resumption', () => {
    const j = new TrajectoryJourney().saisine('2026-01-02').firstContact('2026-01-03').conclude('2026-01-10').measureStarted('2026-02-01', '2026-08-01').brique('2026-02-01', '2.1');
    j.suspend('2026-02-20');
    expect(due(j)).toEqual([['measure-end', '2026-08-01']]);
    j.resume('2026-04-10', '2026-02-20', 49);
    expect(due(j)).toEqual([
      ['point', '2026-05-10', '2.1'],
      ['bilan', '2026-07-10'],
      ['measure-end', '2026-08-01'],
    ]);
  });

  it('a renewal moves the measure end; relais, veille and closing', () => {
    const j = new TrajectoryJourney().saisine('2026-01-02').firstContact('2026-01-03').conclude('2026-01-10').measureStarted('2026-02-01', '2026-08-01');
    j.renew('2026-07-15', '2026-08-01', '2027-02-01');
    expect(due(j).find((d) => d[0] === 'measure-end')).toEqual(['measure-end', '2027-02-01']);
    j.startEvaluation('2027-01-20', '2027-02-01');
    expect(due(j)).toEqual([]);
    const relais = new TrajectoryJourney().saisine('2026-01-02').firstContact('2026-01-03').conclude('2026-01-10', 'orient-existing');
    expect(due(relais)).toEqual([['relais-confirmation', '2026-02-09']]);
    relais.confirmRelais('2026-02-01');
    expect(due(relais)).toEqual([]);
    const veille = new TrajectoryJourney().saisine('2026-01-02').firstContact('2026-01-03').conclude('2026-01-10').measureStarted('2026-02-01', '2026-08-01').startEvaluation('2026-07-20', '2026-08-01');
    veille.finalEvaluation('2026-07-25').startVeille('2026-07-31');
    expect(due(veille)).toEqual([['veille-visit', '2027-07-31']]);
    veille.veilleVisit('2027-06-30');
    expect(due(veille)).toEqual([['veille-visit', '2028-06-30']]);
    veille.reopen('2027-09-01');
    expect(due(veille)).toEqual([['diagnostic', '2027-10-16']]);
    veille.withdraw('2027-09-10', 'diagnostic');
    expect(due(veille)).toEqual([]);
  });

  it('status is decided against today: overdue before, due-soon within 7 days, upcoming after', () => {
    expect(deadlineStatus('2026-03-09', '2026-03-10')).toBe('overdue');
    expect(deadlineStatus('2026-03-10', '2026-03-10')).toBe('due-soon');
    expect(deadlineStatus('2026-03-17', '2026-03-10')).toBe('due-soon');
    expect(deadlineStatus('2026-03-18', '2026-03-10')).toBe('upcoming');
  });
});
