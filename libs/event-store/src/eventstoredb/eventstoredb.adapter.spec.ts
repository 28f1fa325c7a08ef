import { ANY, NO_STREAM, STREAM_EXISTS } from '@eventstore/db-client';
import { EventStoreDbEventStore, expectedRevisionFor } from './eventstoredb-event-store.adapter';
import { eventStoreContract } from '../testing/event-store.contract';

describe('EventStoreDB expected revisions', () => {
  it('maps 1-based versions to 0-based revisions', () => {
    expect(expectedRevisionFor(1)).toBe(0n);
    expect(expectedRevisionFor(42)).toBe(41n);
    expect(expectedRevisionFor(0)).toBe(NO_STREAM);
    expect(expectedRevisionFor('no-stream')).toBe(NO_STREAM);
    expect(expectedRevisionFor('stream-exists')).toBe(STREAM_EXISTS);
    expect(expectedRevisionFor('any')).toBe(ANY);
  });
});

const url = process.env.EVENTSTORE_URL;

if (!url) {
  process.stderr.write('\n⚠ EventStoreDB adapter suite SKIPPED: EVENTSTORE_URL is not set (e.g. EVENTSTORE_URL=esdb://localhost:2113?tls=false).\n');
  describe.skip('EventStoreDB adapter — skipped: EVENTSTORE_URL is not set', () => {
    it('passes the EventStore contract on EventStoreDB', () => undefined);
  });
} else {
  // EventStoreDB cannot isolate $all per test: the contract only looks at what each test wrote.
  eventStoreContract(
    'EventStoreDB',
    async ({ clock }) => {
      const store = EventStoreDbEventStore.fromConnectionString(url, { clock });
      return { store, concurrentTransactions: false, dispose: () => store.close() };
    },
    // The server refuses appends over maxAppendSize (1 MiB by default), so the large payload stays below it.
    { eventsPerWriter: 250, largePayloadBytes: 700_000 },
  );
}
