import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { createApp } from '../../apps/api/src/app.factory';
import { InMemoryEventStore } from '../../apps/api/src/testing/in-memory-event-store';
import { TEST_AUTH, testAuthHeaders } from '../../libs/auth/src/testing/test-tokens';
import { FixedClock } from '../../libs/domain/src';
import { commandBodySchema, OPENING_COMMAND, TRAJECTORY_COMMAND_DEFINITIONS, TRAJECTORY_COMMANDS } from '../../workflows/trajectory/src';
import { receiveSaisine } from '../../workflows/trajectory/src/commands/receive-saisine.command';
import { testDeps } from '../../workflows/trajectory/src/testing';
import type { TrajectoryCommandDefinition } from '../../workflows/trajectory/src';

const SAISINE = {
  occurredAt: '2026-01-05',
  programmeCode: 'asll-test',
  prescriber: { kind: 'ccas', name: 'CCAS de Lyon' },
  motives: ['unpaid-rent'],
  household: { composition: 'single', childrenCount: 0, ageBand: '25-34', referenceGender: 'male', mainResources: 'salary' },
};

describe('journey: the command definitions are the contract (schemas, validation, OpenAPI)', () => {
  let app: NestFastifyApplication;
  let auth: Record<string, string>;
  const clock = new FixedClock('2026-06-15T10:00:00Z');
  const http = () => request(app.getHttpAdapter().getInstance().server);

  beforeAll(async () => {
    auth = await testAuthHeaders({ id: 'coord-1', role: 'coordinator' });
    ({ app } = await createApp({ store: new InMemoryEventStore(clock), clock, catalogue: testDeps(), auth: TEST_AUTH, logger: false }));
    await app.getHttpAdapter().getInstance().ready();
  });
  afterAll(() => app.close());

  it('enforces a bound read from the definition: childrenCount up to its maximum, not one more', async () => {
    const bound = (receiveSaisine.payload.shape.household.shape.childrenCount.json as { maximum: number }).maximum;
    const over = await http().post('/trajectories').set(auth).send({ ...SAISINE, household: { ...SAISINE.household, childrenCount: bound + 1 } });
    expect(over.status).toBe(400);
    expect(over.body.code).toBe('invalid-input');
    expect(over.body.errors).toEqual([{ field: 'household.childrenCount', reason: `must be at most ${bound}`, reasonFr: `doit valoir au plus ${bound}` }]);
    const at = await http().post('/trajectories').set(auth).send({ ...SAISINE, household: { ...SAISINE.household, childrenCount: bound } });
    expect(at.status).toBe(201);
  });

  it('householdId is a UUID for the API and the engine alike', async () => {
    const res = await http().post('/trajectories').set(auth).send({ ...SAISINE, householdId: 'household-9' });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ field: 'householdId', reason: 'must be a UUID', reasonFr: 'doit être un UUID' }]);
  });

  it('refuses a control character in a text field (a NUL never reaches the store), keeps line breaks in free text', async () => {
    const nul = await http().post('/trajectories').set(auth).send({ ...SAISINE, prescriber: { kind: 'ccas', name: 'CCAS\u0000de Lyon' } });
    expect(nul.status).toBe(400);
    expect(nul.body.errors).toEqual([{ field: 'prescriber.name', reason: 'must not contain a control character', reasonFr: 'ne doit pas contenir de caractère de contrôle' }]);
    const lines = await http().post('/trajectories').set(auth).send({ ...SAISINE, personal: { comment: 'Première ligne\nSeconde ligne' } });
    expect(lines.status).toBe(201);
  });

  it("documents each command's request body as exactly its definition's schema", async () => {
    const doc = (await http().get('/docs/json')).body as {
      paths: Record<string, { post: { requestBody: { content: { 'application/json': { schema: { $ref: string } } } } } }>;
      components: { schemas: Record<string, unknown> };
    };
    const bodyOf = (path: string) => {
      const ref = doc.paths[path].post.requestBody.content['application/json'].schema.$ref;
      return doc.components.schemas[ref.replace('#/components/schemas/', '')];
    };
    for (const d of TRAJECTORY_COMMAND_DEFINITIONS) {
      const definition = d as TrajectoryCommandDefinition;
      const path = definition.name === OPENING_COMMAND ? '/trajectories' : `/trajectories/{id}/commands/${definition.name}`;
      expect({ command: definition.name, body: bodyOf(path) }).toEqual({ command: definition.name, body: commandBodySchema(definition).json });
    }
    expect(doc.paths['/commands']).toBeDefined();
    expect(doc.paths['/commands/{name}']).toBeDefined();
  });

  it('publishes every command for clients to build their forms from', async () => {
    const list = await http().get('/commands').set(auth);
    expect(list.status).toBe(200);
    expect(list.body.commands.map((c: { name: string }) => c.name)).toEqual([...TRAJECTORY_COMMANDS]);
    const one = await http().get('/commands/record-point').set(await testAuthHeaders({ id: 'f-1', role: 'funder', scopes: ['funder:caf'] }));
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({
      name: 'record-point',
      labels: { fr: 'Enregistrer un point', en: 'Record a point' },
      opensTrajectory: false,
      events: ['PointRecorded'],
      refusals: expect.arrayContaining(['invalid-payload', 'brique-not-active', 'measure-suspended', 'point-before-brique-start']),
      schema: { type: 'object', required: ['occurredAt', 'briqueCode', 'mode'], additionalProperties: false },
    });
    expect(one.body.schema.properties.mode['x-labels']).toEqual({ fr: 'Modalité', en: 'Mode' });
    const unknown = await http().get('/commands/teleport').set(auth);
    expect({ status: unknown.status, code: unknown.body.code }).toEqual({ status: 404, code: 'unknown-command' });
    expect((await http().get('/commands')).status).toBe(401);
  });
});
