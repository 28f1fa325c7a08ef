import { createHash, randomUUID } from 'node:crypto';
import { DomainError, parisDate, type Clock } from '../../libs/domain/src';
import { WrongExpectedVersion } from '../../libs/event-store/src/event-store.errors';
import type { EventActor, EventStore } from '../../libs/event-store/src/event-store.port';
import { upcastConventionCreated } from './convention-stored-terms';
import { CONVENTION_CREATED, CONVENTION_CREATED_SCHEMA_VERSION, conventionStreamId, type Convention, type ConventionCreatedV2Data } from './convention.events';
import { validateConvention, type ProgrammeDefaults } from './convention.validator';

export interface CreateConventionContext {
  actor: EventActor;
  clock: Clock;
  correlationId?: string;
  /** Default: derived from the natural key (funder, programme, year, code), so a retried creation lands on the same stream. */
  id?: string;
  /** The catalogue's programmes and their money defaults: an unknown programme is refused, omitted money terms are copied. */
  programmeDefaults?: ProgrammeDefaults;
  /** The client's Idempotency-Key, recorded with the event. */
  idempotencyKey?: string;
  /** The convention already holding this Idempotency-Key, if any (the read model's answer). */
  findByIdempotencyKey?: (key: string) => Promise<Convention | undefined>;
  /** A convention with the same natural key recorded under another id (created before ids were derived from it). */
  findByNaturalKey?: (key: NaturalKey) => Promise<Convention | undefined>;
}

export type NaturalKey = Pick<Convention, 'funder' | 'programme' | 'year' | 'code'>;

export class ConventionExists extends DomainError {
  constructor(existing: Convention) {
    super(
      'convention-exists',
      `Convention ${existing.code} of ${existing.funder} for ${existing.programme} ${existing.year} already exists with other terms (id ${existing.id}); a convention is created once.`,
      'conflict',
      { conventionId: existing.id, location: `/conventions/${existing.id}` },
    );
  }
}

export class IdempotencyKeyReused extends DomainError {
  constructor(existing: Convention) {
    super('idempotency-key-reused', `This Idempotency-Key already created convention ${existing.code} (id ${existing.id}) with other terms.`, 'conflict', {
      conventionId: existing.id,
    });
  }
}

/** A stable UUID-shaped id for a natural key: the same convention posted twice is one stream. */
export function conventionIdOf(key: NaturalKey): string {
  const h = createHash('sha256').update(JSON.stringify(['convention', key.funder, key.programme, key.year, key.code])).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${((parseInt(h[16], 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined);
    return `{${entries.sort(([a], [b]) => a.localeCompare(b)).map(([k, x]) => `${JSON.stringify(k)}:${canonical(x)}`).join(',')}}`;
  }
  return JSON.stringify(v);
}

/** The same convention: every term equal (where its money terms came from does not matter). */
function sameTerms(a: ConventionCreatedV2Data, b: ConventionCreatedV2Data): boolean {
  const strip = ({ copiedFromProgramme: _c, ...rest }: ConventionCreatedV2Data) => canonical(rest);
  return strip(a) === strip(b);
}

function termsOf(c: Convention): ConventionCreatedV2Data {
  const { id: _id, createdOn: _on, ...terms } = c;
  return terms;
}

export interface CreatedConvention {
  convention: Convention;
  /** False when the same convention already existed: the answer is the recorded one (idempotent). */
  created: boolean;
  checkpoint?: string;
}

/**
 * Conventions are written to the store (stream convention-<id>), not straight into a table: the
 * funder projection builds its conventions table from them, so a rebuild never loses one.
 * Creation is idempotent: the natural key (funder, programme, year, code) decides the stream, so a
 * retried POST answers the convention already recorded, and the same key with other terms is a
 * conflict rather than a second convention that would split the programme's trajectories.
 */
export async function createConvention(store: Pick<EventStore, 'append'> & Partial<Pick<EventStore, 'readStream'>>, input: unknown, ctx: CreateConventionContext): Promise<CreatedConvention> {
  const data: ConventionCreatedV2Data = validateConvention(input, ctx.programmeDefaults);
  const key: NaturalKey = { funder: data.funder, programme: data.programme, year: data.year, code: data.code };
  const answer = (existing: Convention): CreatedConvention => {
    if (!sameTerms(termsOf(existing), data)) throw new ConventionExists(existing);
    return { convention: existing, created: false };
  };
  if (ctx.idempotencyKey && ctx.findByIdempotencyKey) {
    const earlier = await ctx.findByIdempotencyKey(ctx.idempotencyKey);
    if (earlier) {
      if (!sameTerms(termsOf(earlier), data)) throw new IdempotencyKeyReused(earlier);
      return { convention: earlier, created: false };
    }
  }
  const legacy = await ctx.findByNaturalKey?.(key);
  if (legacy) return answer(legacy);

  const id = ctx.id ?? conventionIdOf(key);
  const createdOn = parisDate(ctx.clock.now());
  try {
    const result = await store.append(
      conventionStreamId(id),
      [
        {
          id: randomUUID(),
          type: CONVENTION_CREATED,
          schemaVersion: CONVENTION_CREATED_SCHEMA_VERSION,
          data,
          metadata: {
            actor: ctx.actor,
            occurredAt: createdOn,
            ...(ctx.correlationId ? { correlationId: ctx.correlationId } : {}),
            ...(ctx.idempotencyKey ? { idempotencyKey: ctx.idempotencyKey } : {}),
          },
        },
      ],
      { expectedVersion: 'no-stream' },
    );
    return { convention: { id, createdOn, ...data }, created: true, checkpoint: result.events[result.events.length - 1].checkpoint };
  } catch (error) {
    if (!(error instanceof WrongExpectedVersion) || !store.readStream) throw error;
    const [first] = await store.readStream(conventionStreamId(id), { limit: 1 });
    if (!first) throw error;
    const recorded = upcastConventionCreated(first.schemaVersion, first.data);
    return answer({ id, createdOn: String((first.metadata as { occurredAt?: string }).occurredAt ?? createdOn).slice(0, 10), ...recorded });
  }
}
