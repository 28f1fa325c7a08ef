import { createHash } from 'node:crypto';
import type { EventStore, RecordedEvent, StreamVerification, VerifiedStream } from '../event-store.port';
import { canonicalJson } from './canonical-json';

/**
 * Per-stream hash chain (ADR 0001):
 *   hash_n = hex(sha256(bytes(hash_{n-1}) || utf8(canonical_n)))   with hash_0 = 32 zero bytes
 *   canonical_n = canonical JSON of {data, id, metadata, schemaVersion, streamId, type, version}
 *
 * "version" sorts last among those keys, so canonical_n = body + version + "}", where the body does
 * not depend on the version. The SQL adapters send the body and let the append function, which is
 * the only place that knows the version when expectedVersion is 'any', finish the text and hash it
 * with PostgreSQL's sha256(). Verification rebuilds the same text in JS from the stored row.
 */

export const GENESIS_HASH = '0'.repeat(64);

export interface HashedFields {
  id: string;
  streamId: string;
  type: string;
  schemaVersion: number;
  data: unknown;
  metadata: unknown;
}

const VERSION_KEY = ',"version":';

/** The canonical text of an event without its version: append the version and "}" to complete it. */
export function canonicalBody(fields: HashedFields): string {
  return canonicalBodyFrom(fields, canonicalJson(fields.data, '$.data'), canonicalJson(fields.metadata, '$.metadata'));
}

/** Same as canonicalBody, reusing data and metadata already serialised by canonicalJson (large payloads). */
export function canonicalBodyFrom(fields: Omit<HashedFields, 'data' | 'metadata'>, dataJson: string, metadataJson: string): string {
  // Keys in sorted order: data, id, metadata, schemaVersion, streamId, type, (version).
  return (
    `{"data":${dataJson},"id":${JSON.stringify(fields.id)},"metadata":${metadataJson},` +
    `"schemaVersion":${JSON.stringify(fields.schemaVersion)},"streamId":${JSON.stringify(fields.streamId)},` +
    `"type":${JSON.stringify(fields.type)}${VERSION_KEY}`
  );
}

export function completeCanonical(body: string, version: number): string {
  return `${body}${version}}`;
}

export function canonicalEvent(fields: HashedFields & { version: number }): string {
  return completeCanonical(canonicalBody(fields), fields.version);
}

export function chainHash(previousHash: string, canonical: string): string {
  return createHash('sha256').update(Buffer.from(previousHash, 'hex')).update(canonical, 'utf8').digest('hex');
}

/** Recomputes the chain over a stream's events, read in version order. */
export class ChainVerifier {
  private expectedPrevious = GENESIS_HASH;
  private nextVersion = 1;
  private checked = 0;
  private broken: StreamVerification['firstBroken'];

  constructor(private readonly streamId: string) {}

  /** Returns false once a broken link is found; later events cannot be trusted either. */
  push(event: RecordedEvent): boolean {
    if (this.broken) return false;
    this.checked += 1;
    const expectedHash = chainHash(this.expectedPrevious, canonicalEvent(event));
    const reason = event.version !== this.nextVersion ? 'out-of-sequence' : expectedHash !== event.hash ? 'hash-mismatch' : undefined;
    if (reason) {
      this.broken = { version: event.version, id: event.id, expectedHash, storedHash: event.hash, reason };
      return false;
    }
    this.expectedPrevious = expectedHash;
    this.nextVersion += 1;
    return true;
  }

  result(): StreamVerification {
    return {
      streamId: this.streamId,
      ok: this.broken === undefined,
      eventsChecked: this.checked,
      ...(this.broken ? { firstBroken: this.broken } : {}),
    };
  }
}

/** Checks events already read, in version order: the read that serves a fold serves the check too. */
export function verifyEvents(streamId: string, events: readonly RecordedEvent[]): StreamVerification {
  const verifier = new ChainVerifier(streamId);
  for (const event of events) if (!verifier.push(event)) break;
  return verifier.result();
}

/** One read of the whole stream and its chain checked on those rows (StreamNotFound as readStream). */
export async function readVerifiedStream(store: Pick<EventStore, 'readStream'>, streamId: string): Promise<VerifiedStream> {
  const events = await store.readStream(streamId);
  return { events, integrity: verifyEvents(streamId, events) };
}
