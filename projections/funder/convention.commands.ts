import { randomUUID } from 'node:crypto';
import { parisDate, type Clock } from '../../libs/domain/src';
import type { EventActor, EventStore } from '../../libs/event-store/src/event-store.port';
import { toStoredTerms } from './convention-stored-terms';
import { CONVENTION_CREATED, conventionStreamId, type Convention, type ConventionTerms } from './convention.events';
import { validateConvention } from './convention.validator';

export interface CreateConventionContext {
  actor: EventActor;
  clock: Clock;
  correlationId?: string;
  id?: string;
  knownProgramme?: (code: string) => boolean;
}

/**
 * Conventions are written to the store (stream convention-<id>), not straight into a table: the
 * funder projection builds its conventions table from them, so a rebuild never loses one.
 */
export async function createConvention(store: Pick<EventStore, 'append'>, input: unknown, ctx: CreateConventionContext): Promise<{ convention: Convention; checkpoint: string }> {
  const terms: ConventionTerms = validateConvention(input, ctx.knownProgramme);
  const id = ctx.id ?? randomUUID();
  const createdOn = parisDate(ctx.clock.now());
  const result = await store.append(
    conventionStreamId(id),
    [
      {
        id: randomUUID(),
        type: CONVENTION_CREATED,
        schemaVersion: 1,
        data: toStoredTerms(terms),
        metadata: { actor: ctx.actor, occurredAt: createdOn, ...(ctx.correlationId ? { correlationId: ctx.correlationId } : {}) },
      },
    ],
    { expectedVersion: 'no-stream' },
  );
  return { convention: { id, createdOn, ...terms }, checkpoint: result.events[result.events.length - 1].checkpoint };
}
