import { FixedClock } from '../../libs/domain/src';
import { InMemoryEventStore } from '../../apps/api/src/testing/in-memory-event-store';
import { ConventionExists, conventionIdOf, createConvention, IdempotencyKeyReused } from './convention.commands';
import type { Convention } from './convention.events';

const clock = new FixedClock('2026-01-05T10:00:00Z');
const actor = { id: 'admin-1', role: 'admin' };
const BODY = { funder: 'fsl-69', programme: 'fsl-bailleur', year: 2026, prices: { perMonthCents: 23000 }, yearlyCapCents: 150000 };

describe('createConvention is idempotent (issue 17 §4)', () => {
  it('lands the same convention posted twice on one stream, keyed by funder, programme, year and code', async () => {
    const store = new InMemoryEventStore(clock);
    const first = await createConvention(store, BODY, { actor, clock });
    expect(first).toMatchObject({ created: true, convention: { id: conventionIdOf({ ...BODY, code: 'fsl-69-2026' }), code: 'fsl-69-2026' } });
    const again = await createConvention(store, BODY, { actor, clock });
    expect(again).toMatchObject({ created: false, convention: { id: first.convention.id, yearlyCapCents: 150000 } });
    expect((await store.readStream(`convention-${first.convention.id}`)).length).toBe(1);
    await expect(createConvention(store, { ...BODY, yearlyCapCents: 1 }, { actor, clock })).rejects.toBeInstanceOf(ConventionExists);
    // Another code is another convention.
    expect((await createConvention(store, { ...BODY, code: 'lmh-2026' }, { actor, clock })).created).toBe(true);
  });

  it('answers a retried Idempotency-Key with the convention it created, and refuses it for other terms', async () => {
    const store = new InMemoryEventStore(clock);
    const byKey = new Map<string, Convention>();
    const ctx = (key: string) => ({ actor, clock, idempotencyKey: key, findByIdempotencyKey: async (k: string) => byKey.get(k) });
    const first = await createConvention(store, BODY, ctx('k-1'));
    byKey.set('k-1', first.convention);
    expect((await createConvention(store, BODY, ctx('k-1'))).created).toBe(false);
    await expect(createConvention(store, { ...BODY, code: 'other' }, ctx('k-1'))).rejects.toBeInstanceOf(IdempotencyKeyReused);
    expect((await store.readStream(`convention-${first.convention.id}`))[0].metadata).toMatchObject({ idempotencyKey: 'k-1' });
  });

  it('finds a convention of the same natural key recorded under another id before ids were derived from it', async () => {
    const store = new InMemoryEventStore(clock);
    const legacy = await createConvention(store, BODY, { actor, clock, id: 'legacy-id' });
    const again = await createConvention(store, BODY, { actor, clock, findByNaturalKey: async () => legacy.convention });
    expect(again).toMatchObject({ created: false, convention: { id: 'legacy-id' } });
  });
});
