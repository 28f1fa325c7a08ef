import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { TEST_AUTH, testAuthHeaders } from '../../../../libs/auth/src/testing/test-tokens';
import { FixedClock } from '../../../../libs/domain/src';
import { testDeps } from '../../../../workflows/trajectory/src/testing';
import { createApp } from '../app.factory';
import { InMemoryEventStore } from '../testing/in-memory-event-store';

const SAISINE = {
  occurredAt: '2026-01-05',
  programmeCode: 'asll-test',
  prescriber: { kind: 'ccas', name: 'CCAS de Lyon' },
  motives: ['unpaid-rent'],
  household: { composition: 'single', childrenCount: 0, ageBand: '25-34', referenceGender: 'male', mainResources: 'salary' },
  personal: { household: { lastName: 'Durand', phone: '06 12 34 56 78' } },
};

describe('trajectories over HTTP (in-memory store)', () => {
  let app: NestFastifyApplication;
  const clock = new FixedClock('2026-06-15T10:00:00Z');
  const server = () => app.getHttpAdapter().getInstance().server;
  let coordinator: Record<string, string>;
  // Everything below runs as the head of service unless a test says otherwise.
  const http = () => {
    const agent = request.agent(server());
    void agent.set(coordinator);
    return agent;
  };

  beforeAll(async () => {
    coordinator = await testAuthHeaders({ id: 'coord-1', role: 'coordinator' });
    ({ app } = await createApp({ store: new InMemoryEventStore(clock), clock, catalogue: testDeps(), auth: TEST_AUTH, logger: false }));
    await app.getHttpAdapter().getInstance().ready();
  });
  afterAll(() => app.close());

  it('opens a trajectory, runs commands with If-Match and shows the state', async () => {
    const created = await request(server()).post('/trajectories').set(await testAuthHeaders({ id: 'sec-1', role: 'secretary' })).send(SAISINE);
    expect(created.status).toBe(201);
    const id = created.body.trajectoryId as string;
    expect(created.headers.location).toBe(`/trajectories/${id}`);
    expect(created.headers.etag).toBe('"1"');
    expect(created.body).toMatchObject({ stage: 'saisine', version: 1 });
    expect(created.body.events[0]).toMatchObject({ type: 'SaisineReceived', actor: { id: 'sec-1', role: 'secretary' } });

    const assigned = await http()
      .post(`/trajectories/${id}/commands/assign-referent`)
      .set('if-match', '"1"')
      .send({ occurredAt: '2026-01-06', referentId: 'ref-1' });
    expect(assigned.status).toBe(200);
    expect(assigned.headers.etag).toBe('"2"');

    const stale = await http()
      .post(`/trajectories/${id}/commands/record-first-contact`)
      .set('if-match', '"1"')
      .send({ occurredAt: '2026-01-07', mode: 'office' });
    expect(stale.status).toBe(412);
    expect(stale.body.code).toBe('precondition-failed');

    const refused = await http().post(`/trajectories/${id}/commands/sign-contract`).send({ occurredAt: '2026-01-07', party: 'household' });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ stage: 'saisine', allowedCommands: expect.arrayContaining(['record-first-contact']) });

    const view = await http().get(`/trajectories/${id}`);
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({ id, stage: 'saisine', version: 2, referent: { id: 'ref-1' }, programme: { code: 'asll-test' } });
    expect(view.body.nextDeadlines[0]).toMatchObject({ kind: 'first-contact', status: 'overdue' });
    // Each allowed command says what its payload and date must still satisfy.
    expect(view.body.commandRequirements.map((c: { command: string }) => c.command)).toEqual(view.body.allowedCommands);
    expect(view.body.commandRequirements).toContainEqual({ command: 'reorient', requires: [{ code: 'orientation-required', reason: expect.stringContaining('oriented') }] });
    expect(view.body.commandRequirements).toContainEqual({ command: 'record-first-contact', requires: [] });
    expect((await http().get(`/trajectories/${id}`).set('if-none-match', '"2"')).status).toBe(304);

    const history = await http().get(`/trajectories/${id}/history`);
    expect(history.body.events.map((e: { type: string }) => e.type)).toEqual(['SaisineReceived', 'ReferentAssigned']);
  });

  it("offers only the commands the caller's role may run (the access policy), in the view and in a command's answer", async () => {
    const created = await http().post('/trajectories').send(SAISINE);
    const id = created.body.trajectoryId as string;
    expect(created.body.allowedCommands).toEqual(expect.arrayContaining(['assign-referent', 'record-note']));
    const secretary = await testAuthHeaders({ id: 'sec-1', role: 'secretary' });
    // The front desk books first contacts; naming the referent is the head of service's, and a note is case work.
    expect((await request(server()).get(`/trajectories/${id}`).set(secretary)).body.allowedCommands).toEqual([]);
    const assigned = await http().post(`/trajectories/${id}/commands/assign-referent`).send({ occurredAt: '2026-01-06', referentId: 'ref-9' });
    expect(assigned.body.allowedCommands).toEqual(expect.arrayContaining(['change-referent', 'record-first-contact']));
    const frontDesk = await request(server()).get(`/trajectories/${id}`).set(secretary);
    expect(frontDesk.body.allowedCommands).toEqual(['record-first-contact']);
    expect(frontDesk.body.commandRequirements.map((c: { command: string }) => c.command)).toEqual(['record-first-contact']);
    const referent = await request(server()).get(`/trajectories/${id}`).set(await testAuthHeaders({ id: 'ref-9', role: 'referent' }));
    expect(referent.body.allowedCommands).toEqual(expect.arrayContaining(['record-first-contact', 'record-note']));
    expect(referent.body.allowedCommands).not.toContain('change-referent');
    const byReferent = await request(server()).post(`/trajectories/${id}/commands/record-note`).set(await testAuthHeaders({ id: 'ref-9', role: 'referent' })).send({ occurredAt: '2026-01-07', personal: { text: 'Appel' } });
    expect(byReferent.status).toBe(200);
    expect(byReferent.body.allowedCommands).not.toContain('change-referent');
    const refused = await request(server()).post(`/trajectories/${id}/commands/sign-contract`).set(await testAuthHeaders({ id: 'ref-9', role: 'referent' })).send({ occurredAt: '2026-01-08', party: 'household' });
    expect(refused.status).toBe(409);
    expect(refused.body.allowedCommands).toEqual(expect.arrayContaining(['record-first-contact', 'record-note']));
    expect(refused.body.allowedCommands).not.toContain('change-referent');
    const coordinatorView = await http().get(`/trajectories/${id}`);
    expect(coordinatorView.body.allowedCommands).toContain('change-referent');
  });

  it('answers unknown commands and ids with problem details', async () => {
    const unknown = await http().post('/trajectories/8d3c2f86-6f5e-4c1a-9a7b-2b1d8e5f0a11/commands/fly').send({});
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('unknown-command');
    expect(unknown.body.commands).toContain('sign-contract');
    const missing = await http().get('/trajectories/8d3c2f86-6f5e-4c1a-9a7b-2b1d8e5f0a11');
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('trajectory-not-found');
    const bad = await http().get('/trajectories/not-a-uuid');
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('invalid-trajectory-id');
  });

  it('documents one path per command', async () => {
    const doc = await http().get('/docs/json');
    expect(doc.body.paths['/trajectories/{id}/commands/sign-contract'].post.requestBody).toBeDefined();
    expect(doc.body.components.schemas.SignContractCommandBody).toBeDefined();
  });
});
