import { cadenceDueOn, type CountedPoint, milestoneDueDates, pointCadenceDueDates, type ScheduleFacts } from './programme-schedule';

describe('a point cadence: at least N points in each period from its anchor', () => {
  it('4 a month: the period’s last day until the 4th point, then the next period’s', () => {
    const four = { atLeast: 4, per: { months: 1 } };
    expect(cadenceDueOn(four, '2026-03-02', [])).toBe('2026-04-01');
    expect(cadenceDueOn(four, '2026-03-02', ['2026-03-05', '2026-03-12', '2026-03-19'])).toBe('2026-04-01');
    expect(cadenceDueOn(four, '2026-03-02', ['2026-03-05', '2026-03-12', '2026-03-19', '2026-03-26'])).toBe('2026-05-01');
    // A point in April starts the count of April's period again.
    expect(cadenceDueOn(four, '2026-03-02', ['2026-03-05', '2026-03-12', '2026-03-19', '2026-03-26', '2026-04-03'])).toBe('2026-05-01');
  });
  it('weekly, daily, quarterly and yearly; months from the anchor clamp to the month’s end', () => {
    expect(cadenceDueOn({ atLeast: 1, per: { weeks: 1 } }, '2026-01-05', ['2026-01-07'])).toBe('2026-01-18');
    expect(cadenceDueOn({ atLeast: 1, per: { days: 1 } }, '2026-01-05', [])).toBe('2026-01-05');
    expect(cadenceDueOn({ atLeast: 1, per: { days: 1 } }, '2026-01-05', ['2026-01-05'])).toBe('2026-01-06');
    expect(cadenceDueOn({ atLeast: 1, per: { days: 1 } }, '2026-01-05', ['2026-01-05', '2026-01-08'])).toBe('2026-01-09');
    // 31 January + 3 months = 30 April: the first quarter is 31 Jan .. 29 Apr.
    expect(cadenceDueOn({ atLeast: 1, per: { months: 3 } }, '2026-01-31', [])).toBe('2026-04-29');
    expect(cadenceDueOn({ atLeast: 1, per: { months: 12 } }, '2026-02-01', ['2026-06-10'])).toBe('2028-01-31');
  });
});

const facts = (o: Partial<ScheduleFacts>): ScheduleFacts => ({
  stage: 'briques',
  openedOn: '2026-01-02',
  firstContactOn: '2026-01-05',
  measure: { startsOn: '2026-02-01' },
  suspendedSince: null,
  lastResumedOn: null,
  activeBriques: [],
  occupancyStatus: 'sliding-lease',
  points: [],
  milestonesReached: {},
  schedule: {},
  ...o,
});

describe('the programme’s cadences and milestones of a trajectory', () => {
  const landlord = { code: 'bailleur', title: 'Bailleur au domicile', atLeast: 1, per: { months: 3 }, modes: ['home-visit' as const], parties: ['landlord' as const] };
  it('counts only points of the right mode with the right party present, during the measure', () => {
    const points: CountedPoint[] = [
      { on: '2026-02-10', briqueCode: '2.3', mode: 'home-visit', parties: ['household'] },
      { on: '2026-03-10', briqueCode: '2.3', mode: 'office-meeting', parties: ['landlord'] },
    ];
    expect(pointCadenceDueDates(facts({ points, schedule: { pointCadences: [landlord] } }))).toEqual([{ dueOn: '2026-04-30', code: 'bailleur' }]);
    points.push({ on: '2026-04-02', briqueCode: '2.3', mode: 'home-visit', parties: ['household', 'landlord'] });
    expect(pointCadenceDueDates(facts({ points, schedule: { pointCadences: [landlord] } }))).toEqual([{ dueOn: '2026-07-31', code: 'bailleur' }]);
    expect(pointCadenceDueDates(facts({ points, suspendedSince: '2026-04-10', schedule: { pointCadences: [landlord] } }))).toEqual([]);
    expect(pointCadenceDueDates(facts({ stage: 'contract', measure: null, schedule: { pointCadences: [landlord] } }))).toEqual([]);
  });
  it('starts the periods after the first weeks when the programme says so (startsAfter)', () => {
    const settled = { code: 'installe', title: '4 par mois après 4 semaines', atLeast: 4, per: { months: 1 }, startsAfter: { weeks: 4 }, briques: ['2.4'] };
    const points: CountedPoint[] = ['2026-02-05', '2026-02-12', '2026-03-05'].map((on) => ({ on, briqueCode: '2.4', mode: 'home-visit' }));
    // 2.4 from 2 Feb; periods from 2 Mar (4 weeks later): the February points do not count, 1 in 2 Mar..1 Apr.
    expect(pointCadenceDueDates(facts({ activeBriques: [{ code: '2.4', startedOn: '2026-02-02' }], points, schedule: { pointCadences: [settled] } }))).toEqual([
      { dueOn: '2026-04-01', code: 'installe', briqueCode: '2.4' },
    ]);
  });
  it('runs a cadence bound to a brique while it is active, in any stage, on its points', () => {
    const weekly = { code: 'hebdo', title: 'Hebdo', atLeast: 1, per: { weeks: 1 }, briques: ['pre-attribution'] };
    const f = facts({ stage: 'diagnostic', measure: null, activeBriques: [{ code: 'pre-attribution', startedOn: '2026-01-12' }], schedule: { pointCadences: [weekly] } });
    expect(pointCadenceDueDates(f)).toEqual([{ dueOn: '2026-01-18', code: 'hebdo', briqueCode: 'pre-attribution' }]);
  });
  it('a milestone is due after its anchor until recorded; a sliding lease slides within 12 months of the lease', () => {
    const milestones = [
      { code: 'bail-signe', title: 'Bail signé', anchor: 'first-contact' as const, dueAfter: { months: 3 } },
      { code: 'bail-glisse', title: 'Bail glissé', anchor: { milestone: 'bail-signe' }, dueAfter: { months: 12 }, occupancyStatuses: ['sliding-lease' as const] },
    ];
    expect(milestoneDueDates(facts({ schedule: { milestones } }))).toEqual([{ dueOn: '2026-04-05', code: 'bail-signe' }]);
    expect(milestoneDueDates(facts({ milestonesReached: { 'bail-signe': '2026-02-28' }, schedule: { milestones } }))).toEqual([{ dueOn: '2027-02-28', code: 'bail-glisse' }]);
    expect(milestoneDueDates(facts({ occupancyStatus: 'direct-lease', milestonesReached: { 'bail-signe': '2026-02-28' }, schedule: { milestones } }))).toEqual([]);
    expect(milestoneDueDates(facts({ milestonesReached: { 'bail-signe': '2026-02-28', 'bail-glisse': '2026-12-01' }, schedule: { milestones } }))).toEqual([]);
  });
});
