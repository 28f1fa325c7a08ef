import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ListConventionDirectory } from './convention-directory';
import { FEED_KINDS, FEED_SCHEMA_VERSION, feedTopic, type FeedRecord } from './feed-record';
import { mapFeedEvent, type TrajectoryFeedState } from './feed-record.mapper';
import { personalDataFor, TrajectoryJourney } from './testing/trajectory-journey';
import { TrajectoryPseudonymiser } from './trajectory-pseudonymiser';

/** The JSON Schema published in docs/feeds.md §2, read from the document itself. */
const doc = readFileSync(join(__dirname, '..', '..', 'docs', 'feeds.md'), 'utf8');
const schema = JSON.parse(/## 2\. Record JSON Schema[\s\S]*?```json\n([\s\S]*?)\n```/.exec(doc)?.[1] ?? 'null') as Schema;

interface Schema {
  type?: string | string[];
  const?: unknown;
  enum?: unknown[];
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  required?: string[];
  properties?: Record<string, Schema>;
  additionalProperties?: boolean;
  items?: Schema;
}

/** Just the JSON Schema keywords the document uses; enough to hold records to their published shape. */
function violations(value: unknown, s: Schema, path = '$'): string[] {
  const out: string[] = [];
  const typeOf = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : Number.isInteger(v) ? 'integer' : typeof v);
  if (s.type !== undefined) {
    const allowed = Array.isArray(s.type) ? s.type : [s.type];
    const t = typeOf(value);
    if (!allowed.includes(t) && !(t === 'integer' && allowed.includes('number'))) return [`${path}: ${t} is not ${allowed.join('|')}`];
  }
  if ('const' in s && value !== s.const) out.push(`${path}: not ${String(s.const)}`);
  if (s.enum && !s.enum.includes(value)) out.push(`${path}: ${String(value)} not in enum`);
  if (typeof value === 'string') {
    if (s.pattern && !new RegExp(s.pattern).test(value)) out.push(`${path}: does not match ${s.pattern}`);
    if (s.format === 'uuid' && !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(value)) out.push(`${path}: not a uuid`);
    if (s.format === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(value)) out.push(`${path}: not a date`);
  }
  if (typeof value === 'number') {
    if (s.minimum !== undefined && value < s.minimum) out.push(`${path}: below ${s.minimum}`);
    if (s.maximum !== undefined && value > s.maximum) out.push(`${path}: above ${s.maximum}`);
  }
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const obj = value as Record<string, unknown>;
    for (const key of s.required ?? []) if (!(key in obj)) out.push(`${path}.${key}: required`);
    for (const [key, v] of Object.entries(obj)) {
      const sub = s.properties?.[key];
      if (sub) out.push(...violations(v, sub, `${path}.${key}`));
      else if (s.additionalProperties === false) out.push(`${path}.${key}: not allowed`);
    }
  }
  if (Array.isArray(value) && s.items) value.forEach((v, i) => out.push(...violations(v, s.items as Schema, `${path}[${i}]`)));
  return out;
}

describe('the published record schema (docs/feeds.md)', () => {
  it('is in the document and names every kind the code writes', () => {
    expect(schema).not.toBeNull();
    expect(schema.properties?.schemaVersion?.const).toBe(FEED_SCHEMA_VERSION);
    expect(schema.properties?.kind?.enum).toEqual([...FEED_KINDS]);
  });

  it('accepts every record the mapping writes', () => {
    const directory = new ListConventionDirectory([{ id: 'conv-1', programme: 'asll-test', year: 2026, funderIds: ['caf-69', 'region:ara'] }]);
    const ctx = { directory, pseudonymiser: new TrajectoryPseudonymiser(randomBytes(32)) };
    const journeys = [
      TrajectoryJourney.full('conv-1', personalDataFor(1)),
      new TrajectoryJourney(personalDataFor(2))
        .saisine('2026-01-05', { childrenCount: 4 })
        .diagnostic('2026-01-06', '2026-01-10', 'orient-existing')
        .add('RelaisConfirmed', '2026-02-01', { partner: { kind: 'ccas' } }),
    ];
    let sequence = 0;
    const records: FeedRecord[] = [];
    for (const j of journeys) {
      let state: TrajectoryFeedState | undefined;
      for (const e of j.events) {
        const r = mapFeedEvent(state, e, ctx);
        state = r.state;
        for (const { sourceEventId: _internal, ...draft } of r.records) records.push({ schemaVersion: 1, sequence: ++sequence, ...draft });
      }
    }
    expect(new Set(records.map((r) => r.kind))).toEqual(new Set(FEED_KINDS.filter((k) => k !== 'measure-renewed')));
    for (const record of records) expect(violations(record, schema)).toEqual([]);
  });

  it('rejects what a record must never carry', () => {
    const [bad] = [{ schemaVersion: 1, recordId: 'x', sequence: 0, funderId: 'caf', conventionId: 'c', trajectoryPseudonym: 'p', kind: 'k', businessDate: 'd', profile: {}, details: { note: 'free text' }, lastName: 'Durand' }];
    const problems = violations(bad, schema).join('\n');
    for (const expected of ['$.lastName: not allowed', '$.details.note: not allowed', '$.recordId: not a uuid', '$.kind: k not in enum', '$.profile.composition: required']) {
      expect(problems).toContain(expected);
    }
  });

  it('documents the topic naming the relay uses', () => {
    expect(doc).toContain('accompagnement.feed.{funderId}.v1');
    expect(feedTopic('caf-69')).toBe('accompagnement.feed.caf-69.v1');
  });
});
