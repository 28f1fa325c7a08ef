import fc from 'fast-check';
import { readPayload } from '../../../engine/src';
import { TRAJECTORY_EVENT_TYPES } from '../events';
import { commandBodySchema, describeTrajectoryCommands, readCommandBody } from './command-descriptions';
import type { TrajectoryCommandDefinition } from './support/trajectory-command';
import { TRAJECTORY_COMMAND_DEFINITIONS, TRAJECTORY_COMMANDS } from './trajectory-commands';

// The ajv that Fastify compiles route schemas with (v8), strict: an unknown keyword or format fails.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const Ajv = require(require.resolve('ajv', { paths: [require.resolve('@fastify/ajv-compiler')] })) as new (options: object) => StrictAjv;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const addFormats = require('ajv-formats') as (ajv: unknown) => void;

interface StrictAjv {
  addKeyword(definition: { keyword: string }): void;
  compile(schema: object): (data: unknown) => boolean;
}

const definitions = TRAJECTORY_COMMAND_DEFINITIONS as readonly TrajectoryCommandDefinition[];

function strictAjv() {
  const ajv = new Ajv({ strict: true, allErrors: true });
  addFormats(ajv);
  // Annotations only: OpenAPI's `example` and the form labels.
  ajv.addKeyword({ keyword: 'example' });
  ajv.addKeyword({ keyword: 'x-labels' });
  return ajv;
}

describe('the trajectory command definitions', () => {
  it('name each command once', () => {
    expect(new Set(TRAJECTORY_COMMANDS).size).toBe(TRAJECTORY_COMMANDS.length);
    expect(TRAJECTORY_COMMANDS).toHaveLength(35);
  });

  it('derive the event types from what the commands produce', () => {
    expect(TRAJECTORY_EVENT_TYPES).toHaveLength(37);
    expect(TRAJECTORY_EVENT_TYPES).toEqual(expect.arrayContaining(['SaisineReceived', 'MeasureStarted', 'ContractDeclined', 'NoteRecorded']));
  });

  it.each(definitions.map((d) => [d.name, d] as const))('%s: its example is a valid payload', (_name, definition) => {
    expect(readPayload(definition.payload, definition.example)).toMatchObject({ ok: true });
  });

  it('give JSON Schemas that a strict draft-07 validator (Fastify’s ajv) compiles', () => {
    const ajv = strictAjv();
    for (const definition of definitions) expect(() => ajv.compile(commandBodySchema(definition).json)).not.toThrow();
  });

  it('accept and refuse exactly what the compiled JSON Schema accepts and refuses (random bodies)', () => {
    const ajv = strictAjv();
    const compiled = new Map(definitions.map((d) => [d.name, ajv.compile(commandBodySchema(d).json)]));
    const body = fc.constantFrom(...definitions).chain((definition) => {
      const base: Record<string, unknown> = { occurredAt: '2026-03-02', ...definition.example };
      const keys = [...Object.keys(commandBodySchema(definition).shape), 'extra'];
      const change = fc.record({ key: fc.constantFrom(...keys), value: fc.option(fc.jsonValue(), { nil: undefined }) });
      return fc.tuple(fc.constant(definition), fc.array(change, { maxLength: 3 })).map(([d, changes]) => {
        const mutated = { ...base };
        for (const { key, value } of changes) {
          if (value === undefined) delete mutated[key];
          else mutated[key] = value;
        }
        return [d, mutated] as const;
      });
    });
    fc.assert(
      fc.property(body, ([definition, mutated]) => {
        const validate = compiled.get(definition.name)!;
        expect({ command: definition.name, body: mutated, ok: readCommandBody(definition, mutated).ok }).toEqual({ command: definition.name, body: mutated, ok: validate(mutated) });
      }),
      { numRuns: 2000 },
    );
  });

  it('publish each command with labels, schema, example, events and refusal codes drawn from the rules', () => {
    const described = describeTrajectoryCommands();
    expect(described.map((d) => d.name)).toEqual([...TRAJECTORY_COMMANDS]);
    const renew = described.find((d) => d.name === 'renew')!;
    expect(renew).toMatchObject({ labels: { fr: 'Renouveler la mesure', en: 'Renew the measure' }, events: ['MeasureRenewed'], opensTrajectory: false });
    expect(renew.refusals).toEqual(expect.arrayContaining(['bilan-required', 'renewals-exhausted', 'invalid-payload', 'command-not-allowed']));
    // v2 drops the household's signature for conclude-diagnostic, v1 has it: the union is published.
    expect(described.find((d) => d.name === 'conclude-diagnostic')!.refusals).toContain('household-signature-required');
    expect(described.find((d) => d.name === 'receive-saisine')!).toMatchObject({ opensTrajectory: true, refusals: expect.arrayContaining(['unknown-programme']) });
    for (const d of described) expect(readCommandBody(definitions.find((x) => x.name === d.name)!, d.examples[0]).ok).toBe(true);
  });

  it('read the body in one pass: the date and the payload, every problem at once', () => {
    const recordPoint = definitions.find((d) => d.name === 'record-point')!;
    expect(readCommandBody(recordPoint, { occurredAt: '2026-03-02', briqueCode: '2.1', mode: 'phone' })).toEqual({
      ok: true,
      occurredAt: '2026-03-02',
      payload: { briqueCode: '2.1', mode: 'phone' },
    });
    const wrong = readCommandBody(recordPoint, { occurredAt: '2026-02-30', briqueCode: '', personal: { summary: 7 } });
    expect(wrong.ok ? [] : wrong.problems.map((p) => [p.field, p.reasonFr])).toEqual([
      ['occurredAt', 'doit être une date du calendrier AAAA-MM-JJ'],
      ['briqueCode', 'doit faire au moins 1 caractère(s)'],
      ['mode', 'est obligatoire'],
      ['personal.summary', 'doit être un texte'],
    ]);
  });
});
