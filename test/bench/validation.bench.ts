/**
 * Command bodies: what checking one costs with the definitions' reader (what the API and the engine
 * run), printed beside ajv compiled from the same JSON Schema (what Fastify would run), in the same
 * run on the same bodies. docs/adr/0007-command-payload-validation.md records the decision.
 *
 *   npm run bench:validation      (BENCH_CALLS=200000)
 */
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { commandBodySchema, describeTrajectoryCommand, readCommandBody, trajectoryCommandDefinition } from '../../workflows/trajectory/src';

const CALLS = Number(process.env.BENCH_CALLS ?? 200_000);
const COMMANDS = ['record-point', 'record-final-evaluation', 'receive-saisine'];

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the ajv (v8) that Fastify itself depends on
const Ajv = require(require.resolve('ajv', { paths: [require.resolve('@fastify/ajv-compiler')] })) as new (o: object) => { compile(s: object): (d: unknown) => boolean };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const addFormats = require('ajv-formats') as (ajv: unknown) => void;

function microseconds(check: () => boolean): number {
  for (let i = 0; i < 5_000; i++) check();
  const start = performance.now();
  for (let i = 0; i < CALLS; i++) if (!check()) throw new Error('a valid body was refused');
  return ((performance.now() - start) * 1000) / CALLS;
}

const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
console.log(`command body checks, ${CALLS} calls each, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
console.log('command                    reader µs   ajv µs   reader/ajv');
for (const name of COMMANDS) {
  const definition = trajectoryCommandDefinition(name)!;
  const body = describeTrajectoryCommand(name)!.examples[0];
  const validate = ajv.compile(commandBodySchema(definition).json);
  const reader = microseconds(() => readCommandBody(definition, body).ok);
  const compiled = microseconds(() => validate(body));
  console.log(`${name.padEnd(26)} ${reader.toFixed(2).padStart(9)} ${compiled.toFixed(2).padStart(8)} ${(reader / compiled).toFixed(1).padStart(12)}`);
}
console.log(`load average after ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
