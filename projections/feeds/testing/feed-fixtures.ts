import { randomUUID } from 'node:crypto';
import type { NewEvent } from '../../../libs/event-store/src/event-store.port';
import type { TrajectoryJourney } from './trajectory-journey';

/** What the fixtures need of a store: MemoryEventStore and every real adapter have it. */
export interface AppendOnly {
  append(streamId: string, events: NewEvent[]): Promise<unknown>;
}

export interface ConventionFixture {
  id: string;
  programme?: string;
  year?: number;
  /** The first holds the convention; all of them share its cost. */
  funders: string[];
}

/** The event the funder module writes when an admin creates a convention (projections/funder/convention.events.ts). */
export async function appendConvention(store: AppendOnly, c: ConventionFixture): Promise<void> {
  const share = 1 / c.funders.length;
  await store.append(`convention-${c.id}`, [
    {
      id: randomUUID(),
      type: 'ConventionCreated',
      schemaVersion: 1,
      data: {
        funder: c.funders[0],
        programme: c.programme ?? 'asll-test',
        year: c.year ?? 2026,
        prices: { perMonth: 190 },
        yearlyCap: 40_000,
        funderShares: c.funders.map((funder) => ({ funder, share })),
      },
      metadata: { occurredAt: '2026-01-01' },
    },
  ]);
}

/** One append per event, as the API does per command: events of different trajectories interleave. */
export async function appendJourney(store: AppendOnly, journey: TrajectoryJourney): Promise<void> {
  for (const e of journey.events) await store.append(journey.streamId, [{ id: e.id, type: e.type, data: e.data, metadata: { ...e.metadata } }]);
}
