// PGlite's dynamic imports need Node's own loader, outside jest's sandbox.
jest.mock('@electric-sql/pglite', () => jest.requireActual('../../libs/event-store/src/testing/pglite-outside-sandbox').loadPGliteModule());
import { bearer, FUNDERS, runJourney, startFeedHarness, type FeedHarness, type JourneyResult } from '../../apps/api/src/feeds/testing/feed-e2e.harness';
import { DATABASE_URL } from '../../projections/core/testing/test-database';
import type { FeedRecord } from '../../projections/feeds/feed-record';
import { personalDataFor, type JourneyPersonalData } from '../../projections/feeds/testing/trajectory-journey';

const backends: [string, boolean][] = [['pglite', false]];
if (DATABASE_URL) backends.push(['postgres', true]);

interface Page {
  funderId: string;
  records: FeedRecord[];
  nextCursor: string;
  limit: number;
}

async function readWholeFeed(h: FeedHarness, funder: string, auth: string, limit = 50): Promise<{ records: FeedRecord[]; bodies: string[] }> {
  const records: FeedRecord[] = [];
  const bodies: string[] = [];
  let cursor = '0';
  for (;;) {
    const r = await h.http().get(`/feeds/${funder}`).query({ after: cursor, limit }).set('authorization', auth);
    if (r.status !== 200) throw new Error(`GET /feeds/${funder}: ${r.status} ${JSON.stringify(r.body)}`);
    bodies.push(r.text);
    const page = r.body as Page;
    if (page.records.length === 0) return { records, bodies };
    records.push(...page.records);
    cursor = page.nextCursor;
  }
}

describe.each(backends)('funder feeds over HTTP (%s)', (_kind, postgres) => {
  let h: FeedHarness;
  const people: JourneyPersonalData[] = Array.from({ length: 8 }, (_, i) => personalDataFor(500 + i));
  const journeys: JourneyResult[] = [];

  beforeAll(async () => {
    h = await startFeedHarness({ postgres });
    for (const p of people) journeys.push(await runJourney(h, p));
    await h.caughtUp();
    // Twenty commands per household over HTTP: minutes, not seconds, on a loaded two-core machine.
  }, 300_000);
  afterAll(async () => {
    await h?.close();
  });

  it("gives a funder its own records, in sequence order, page after page", async () => {
    const auth = await bearer('funder', ['funder:caf']);
    const { records } = await readWholeFeed(h, 'caf', auth, 13);
    expect(records.length).toBeGreaterThan(8 * 10);
    expect(records.every((r) => r.funderId === 'caf' && r.conventionId === 'conv-2026')).toBe(true);
    const sequences = records.map((r) => r.sequence);
    expect(sequences).toEqual([...sequences].sort((a, b) => a - b));
    expect(new Set(records.map((r) => r.recordId)).size).toBe(records.length);
    // Eight trajectories, eight pseudonyms; the same trajectory has another one in the other funder's feed.
    expect(new Set(records.map((r) => r.trajectoryPseudonym)).size).toBe(8);
    const theirs = await readWholeFeed(h, 'departement-x', await bearer('funder', ['funder:departement-x']));
    const mine = new Set(records.map((r) => r.trajectoryPseudonym));
    expect(theirs.records.some((r) => mine.has(r.trajectoryPseudonym))).toBe(false);
    const kinds = new Set(records.map((r) => r.kind));
    for (const kind of ['saisine-received', 'diagnostic-concluded', 'measure-started', 'month-measure-counted', 'bilan-recorded', 'measure-suspended', 'measure-resumed', 'measure-ended', 'trajectory-closed']) {
      expect(kinds).toContain(kind);
    }
  });

  it('lets no name, phone, address, note, referent name, household id or trajectory id out', async () => {
    const pages: string[] = [];
    for (const funder of FUNDERS) {
      pages.push(...(await readWholeFeed(h, funder, await bearer('funder', [`funder:${funder}`]))).bodies);
      pages.push(...(await readWholeFeed(h, funder, await bearer('auditor'))).bodies);
    }
    const { rows } = await h.db.query<Record<string, unknown>>(
      'SELECT record_id, funder_id, convention_id, trajectory_pseudonym, kind, business_date, profile, details FROM feed_records',
    );
    const everything = [...pages, JSON.stringify(rows)].join('\n');
    expect(rows.length).toBeGreaterThan(100);
    for (const [i, p] of people.entries()) {
      for (const value of Object.values(p)) expect(everything).not.toContain(value);
      for (const fragment of [p.lastName, p.firstName, p.phone.replace(/ /g, ''), 'Glycines', 'impasse', 'Confidential', 'Marjolaine']) {
        expect(everything).not.toContain(fragment);
      }
      const { trajectoryId, householdId } = journeys[i];
      expect(everything).not.toContain(trajectoryId);
      expect(everything).not.toContain(trajectoryId.replace(/-/g, ''));
      expect(everything).not.toContain(householdId);
    }
    expect(everything).not.toMatch(/Bailleur|hospital|ref-1/);
  });

  it('answers 403 to anyone but the funder itself and auditors', async () => {
    const other = await h.http().get('/feeds/caf').set('authorization', await bearer('funder', ['funder:departement-x']));
    expect(other.status).toBe(403);
    expect(other.body).toMatchObject({ status: 403, code: 'feed-forbidden' });
    for (const role of ['referent', 'coordinator', 'secretary', 'prescriber', 'admin'] as const) {
      const r = await h.http().get('/feeds/caf').set('authorization', await bearer(role, ['funder:caf']));
      expect(r.status).toBe(403);
    }
    const unscoped = await h.http().get('/feeds/caf').set('authorization', await bearer('funder'));
    expect(unscoped.status).toBe(403);
    expect((await h.http().get('/feeds/caf')).status).toBe(401);
    expect((await h.http().get('/feeds/caf').set('authorization', await bearer('auditor'))).status).toBe(200);
  });

  it('refuses a bad cursor, limit or funder code with problem details', async () => {
    const auth = await bearer('auditor');
    const badCursor = await h.http().get('/feeds/caf?after=abc').set('authorization', auth);
    expect(badCursor.status).toBe(400);
    expect(badCursor.body.code).toBe('invalid-cursor');
    expect((await h.http().get('/feeds/caf?limit=0').set('authorization', auth)).body.code).toBe('invalid-limit');
    expect((await h.http().get('/feeds/caf?limit=5000').set('authorization', auth)).status).toBe(400);
    expect((await h.http().get('/feeds/caf%20x').set('authorization', auth)).body.code).toBe('invalid-funder');
  });

  it('links the next page and sends an empty page with the same cursor at the end', async () => {
    const auth = await bearer('funder', ['funder:caf']);
    const first = await h.http().get('/feeds/caf?limit=5').set('authorization', auth);
    expect(first.headers.link).toBe(`</feeds/caf?after=${first.body.nextCursor}&limit=5>; rel="next"`);
    const { records } = await readWholeFeed(h, 'caf', auth, 1000);
    const last = String(records[records.length - 1].sequence);
    const end = await h.http().get(`/feeds/caf?after=${last}`).set('authorization', auth);
    expect(end.body).toMatchObject({ records: [], nextCursor: last });
  });

  it('returns every record exactly once to a reader paging while commands are written', async () => {
    const auth = await bearer('funder', ['funder:caf']);
    const { records: before } = await readWholeFeed(h, 'caf', auth, 1000);
    let cursor = String(before[before.length - 1].sequence);
    const seen: FeedRecord[] = [];
    let seenWhileWriting = 0;
    let writing = true;
    const writers = Promise.all(Array.from({ length: 6 }, (_, i) => runJourney(h, personalDataFor(900 + i)))).finally(() => {
      writing = false;
    });
    // Page as fast as the server answers while the writers and the projection run.
    let emptyAfterWriters = 0;
    while (emptyAfterWriters < 2) {
      const r = await h.http().get('/feeds/caf').query({ after: cursor, limit: 7 }).set('authorization', auth);
      expect(r.status).toBe(200);
      const page = r.body as Page;
      seen.push(...page.records);
      if (writing) seenWhileWriting += page.records.length;
      cursor = page.nextCursor;
      if (page.records.length === 0 && !writing) {
        // One more pass after the projection has caught up with everything written.
        await h.caughtUp();
        emptyAfterWriters++;
      }
    }
    await writers;
    const { records: after } = await readWholeFeed(h, 'caf', auth, 1000);
    const expected = after.slice(before.length);
    expect(expected.length).toBeGreaterThan(6 * 10);
    // The race was real: part of the feed was read while commands were still being written.
    expect(seenWhileWriting).toBeGreaterThan(0);
    expect(seen.map((r) => r.recordId)).toEqual(expected.map((r) => r.recordId));
  }, 300_000);
});
