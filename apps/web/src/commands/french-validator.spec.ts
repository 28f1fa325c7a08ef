import { schemaErrors } from './french-validator';

const SCHEMA = {
  type: 'object',
  required: ['occurredAt', 'referentId'],
  additionalProperties: false,
  properties: {
    occurredAt: { type: 'string', format: 'date', title: 'Date' },
    referentId: { type: 'string', minLength: 1, maxLength: 8, pattern: '^[a-z-]+$', title: 'Référent' },
    childrenCount: { type: 'integer', minimum: 0, maximum: 20 },
  },
} as const;

describe('the form validator (no eval)', () => {
  it('accepts a valid body', () => {
    expect(schemaErrors(SCHEMA as never, { occurredAt: '2026-11-30', referentId: 'ref-a' })).toEqual([]);
  });

  it('says in French what is wrong, on each field', () => {
    const errors = schemaErrors(SCHEMA as never, { occurredAt: '30/11/2026', childrenCount: 21 });
    expect(errors.map((e) => [e.property, e.message])).toEqual(
      expect.arrayContaining([
        ['.referentId', 'Ce champ est obligatoire.'],
        ['.occurredAt', 'Une date est attendue (jj/mm/aaaa).'],
        ['.childrenCount', 'Au plus 20.'],
      ]),
    );
    expect(schemaErrors(SCHEMA as never, { occurredAt: '2026-11-30', referentId: 'TOO LONG ID' }).map((e) => e.message)).toEqual(
      expect.arrayContaining(['Au plus 8 caractères.', 'Le format n’est pas celui attendu.']),
    );
  });
});
