import { readPayload, s, type Infer } from './payload-schema';

const MODES = ['phone', 'visit'] as const;
const example = s.object({
  mode: s.oneOf(MODES, { label: { fr: 'Modalité', en: 'Mode' }, example: 'phone' }),
  count: s.integer({ minimum: 0, maximum: 3 }),
  on: s.optional(s.calendarDate()),
  tags: s.optional(s.list(s.text({ maxLength: 5 }), { maxItems: 2, uniqueItems: true })),
  contact: s.optional(s.object({ email: s.optional(s.text({ maxLength: 254, format: 'email' })) })),
});

describe('the payload schema builder', () => {
  it('gives the JSON Schema of what it checks: types, bounds, enums, required members, labels, examples', () => {
    expect(example.json).toEqual({
      type: 'object',
      properties: {
        mode: { title: 'Mode', 'x-labels': { fr: 'Modalité', en: 'Mode' }, type: 'string', enum: ['phone', 'visit'], example: 'phone' },
        count: { type: 'integer', minimum: 0, maximum: 3 },
        on: { type: 'string', format: 'date' },
        tags: { type: 'array', items: { type: 'string', minLength: 1, maxLength: 5, pattern: expect.stringMatching(/^\^\[\^/) }, maxItems: 2, uniqueItems: true },
        contact: { type: 'object', properties: { email: { type: 'string', minLength: 1, maxLength: 254, format: 'email' } }, additionalProperties: false },
      },
      required: ['mode', 'count'],
      additionalProperties: false,
    });
  });

  it('infers the TypeScript type: required and optional members, enum literals', () => {
    const value: Infer<typeof example> = { mode: 'visit', count: 1 };
    // @ts-expect-error -- 'fax' is not one of the modes
    const wrong: Infer<typeof example> = { mode: 'fax', count: 1 };
    // @ts-expect-error -- count is required
    const missing: Infer<typeof example> = { mode: 'phone' };
    expect([value, wrong, missing]).toHaveLength(3);
  });

  it('reads a valid payload and drops nothing it defines', () => {
    expect(readPayload(example, { mode: 'phone', count: 3, on: '2026-02-28', tags: ['a', 'b'] })).toEqual({
      ok: true,
      value: { mode: 'phone', count: 3, on: '2026-02-28', tags: ['a', 'b'] },
    });
  });

  it('names every wrong field with its path, in English and French', () => {
    const read = readPayload(example, { mode: 'fax', count: 4, on: '2026-02-30', tags: ['a', 'a'], contact: { email: 'nope', phone: '1' }, extra: true });
    expect(read).toEqual({
      ok: false,
      problems: [
        { field: 'extra', reason: 'property extra should not exist', reasonFr: 'la propriété extra n’est pas attendue' },
        { field: 'mode', reason: 'must be one of phone, visit', reasonFr: 'doit valoir l’une de ces valeurs : phone, visit' },
        { field: 'count', reason: 'must be at most 3', reasonFr: 'doit valoir au plus 3' },
        { field: 'on', reason: 'must be a calendar date YYYY-MM-DD', reasonFr: 'doit être une date du calendrier AAAA-MM-JJ' },
        { field: 'tags', reason: 'must not list the same item twice', reasonFr: 'ne doit pas contenir deux fois le même élément' },
        { field: 'contact.phone', reason: 'property phone should not exist', reasonFr: 'la propriété phone n’est pas attendue' },
        { field: 'contact.email', reason: 'must be an email address', reasonFr: 'doit être une adresse e-mail' },
      ],
    });
  });

  it('refuses control characters in text, line breaks only where the text is multiline', () => {
    const note = s.object({ title: s.text({ maxLength: 50 }), body: s.text({ maxLength: 500, multiline: true }) });
    expect(readPayload(note, { title: 'Visite', body: 'Ligne 1\nLigne 2\tfin' })).toMatchObject({ ok: true });
    expect(readPayload(note, { title: 'a\u0000b', body: 'x\u001b[31m' })).toEqual({
      ok: false,
      problems: [
        { field: 'title', reason: 'must not contain a control character', reasonFr: 'ne doit pas contenir de caractère de contrôle' },
        { field: 'body', reason: 'must not contain a control character', reasonFr: 'ne doit pas contenir de caractère de contrôle' },
      ],
    });
    expect(readPayload(note, { title: 'deux\nlignes', body: 'ok' })).toMatchObject({ ok: false, problems: [{ field: 'title' }] });
    expect(readPayload(note, { title: 'bidi \u202e', body: 'ok' })).toMatchObject({ ok: false, problems: [{ field: 'title' }] });
  });

  it('refuses what is not an object, and missing members', () => {
    expect(readPayload(example, [1])).toEqual({ ok: false, problems: [{ field: '(body)', reason: 'must be an object', reasonFr: 'doit être un objet' }] });
    expect(readPayload(example, {})).toMatchObject({ ok: false, problems: [{ field: 'mode', reason: 'is required' }, { field: 'count', reason: 'is required' }] });
    expect(readPayload(example, { mode: 'phone', count: 1.5, tags: 'a' })).toMatchObject({
      ok: false,
      problems: [{ field: 'count', reason: 'must be a whole number' }, { field: 'tags', reason: 'must be a list' }],
    });
  });
});
