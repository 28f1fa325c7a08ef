import { expiredHouseholds, type RetentionCandidate } from './retention.policy';

const months: Record<string, number> = { 'avdl-generic': 24, 'asll-x': 36, 'gla-short': 12 };
const of = (code: string) => months[code];

function household(id: string, lastContactOn: string, programmes: string[]): RetentionCandidate {
  return { householdId: id, lastContactOn, programmes, trajectories: programmes.length };
}

describe('retention policy', () => {
  it("expires a household on its programme's retention date after the last contact, not a day before", () => {
    const h = household('h1', '2024-03-15', ['avdl-generic']);
    expect(expiredHouseholds([h], '2026-03-14', of)).toEqual([]);
    expect(expiredHouseholds([h], '2026-03-15', of)).toEqual([{ ...h, programme: 'avdl-generic', retentionMonths: 24, expiresOn: '2026-03-15' }]);
  });

  it('keeps a household under several programmes for the longest period, and counts unknown programmes with 24 months', () => {
    expect(expiredHouseholds([household('h', '2023-01-10', ['gla-short', 'asll-x'])], '2026-01-09', of)).toEqual([]);
    expect(expiredHouseholds([household('h', '2023-01-10', ['gla-short', 'asll-x'])], '2026-01-10', of)[0]).toMatchObject({ programme: 'asll-x', expiresOn: '2026-01-10' });
    expect(expiredHouseholds([household('g', '2024-01-31', ['gone'])], '2026-01-31', of)[0]).toMatchObject({ programme: 'gone', retentionMonths: 24 });
  });

  it('clamps to the end of the month and lists the oldest expiries first', () => {
    const list = expiredHouseholds([household('b', '2024-02-29', ['gla-short']), household('a', '2023-12-31', ['gla-short'])], '2026-01-01', of);
    expect(list.map((d) => [d.householdId, d.expiresOn])).toEqual([
      ['a', '2024-12-31'],
      ['b', '2025-02-28'],
    ]);
  });
});
