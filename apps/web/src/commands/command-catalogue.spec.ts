import { frenchFormSchema } from './command-catalogue';

describe('frenchFormSchema', () => {
  it('titles each field with its French label and keeps every rule', () => {
    const schema = frenchFormSchema({
      type: 'object',
      title: 'Record the first contact',
      description: 'Moves the trajectory to diagnostic.',
      required: ['mode'],
      additionalProperties: false,
      properties: {
        mode: { type: 'string', enum: ['letter', 'phone'], title: 'Contact mode', description: 'How the first contact happened.', 'x-labels': { fr: 'Modalité du contact', en: 'Contact mode' }, example: 'phone' },
        parties: { type: 'array', items: { type: 'string', maxLength: 10, 'x-labels': { fr: 'Partie', en: 'Party' } } },
      },
    });
    expect(schema).toEqual({
      type: 'object',
      required: ['mode'],
      additionalProperties: false,
      properties: {
        mode: { type: 'string', oneOf: [{ const: 'letter', title: 'Courrier' }, { const: 'phone', title: 'Téléphone' }], title: 'Modalité du contact' },
        parties: { type: 'array', items: { type: 'string', maxLength: 10, title: 'Partie' } },
      },
    });
  });
});
