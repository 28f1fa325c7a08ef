import { Body, Query, Controller, Get, HttpCode, Module, Post } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, ValidateNested } from 'class-validator';
import request from 'supertest';
import { mintToken } from '../../../../libs/auth/src';
import { TEST_AUTH, TEST_AUTH_SECRET, testAuthHeaders } from '../../../../libs/auth/src/testing/test-tokens';
import { DomainError } from '../../../../libs/domain/src';
import { captureLog } from '../../../../libs/logging/src/testing/captured-log';
import type { RoutePolicy } from '../auth/access-policy';
import { createApp } from '../app.factory';
import { Ctx, type RequestContext } from '../principal/request-context';
import { stubEventStore } from '../testing/stub-event-store';

class PersonalDto {
  @IsString() @Matches(/^\+?[0-9 ]{6,20}$/) phone!: string;
}
class EchoDto {
  @IsInt() count!: number;
  @IsIn(['a', 'b']) kind!: string;
  @IsOptional() @ValidateNested() @Type(() => PersonalDto) personal?: PersonalDto;
}

@Controller('echo')
class EchoController {
  // `name` is declared so a query string with personal data reaches the handler (unknown ones are refused).
  @Post() @HttpCode(200) echo(@Body() body: EchoDto, @Ctx() ctx: RequestContext, @Query('name') _name?: string) {
    return { body, actor: ctx.actor, correlationId: ctx.correlationId };
  }
  @Get('unguarded') unguarded() {
    return { open: true };
  }
  @Get('boom') boom(): never {
    throw new Error('secret internal detail');
  }
  @Get('refused') refused(): never {
    throw new DomainError('transition-not-allowed', 'Not now.', 'conflict', { stage: 'saisine', allowedCommands: ['assign-referent', 'record-note'] });
  }
}
@Module({ controllers: [EchoController] })
class EchoModule {}

const anyReferent = { referent: { scope: 'any' } } as const;
const ECHO_POLICIES: RoutePolicy[] = [
  { method: 'POST', path: '/echo', access: anyReferent },
  { method: 'GET', path: '/echo/boom', access: anyReferent },
  { method: 'GET', path: '/echo/refused', access: anyReferent },
  // /echo/unguarded is deliberately missing: a route without a policy is closed.
];

describe('HTTP errors as problem details', () => {
  let app: NestFastifyApplication;
  let closed = false;
  let referent: Record<string, string>;
  const log = captureLog();
  const anonymous = () => request(app.getHttpAdapter().getInstance().server);
  const http = () => {
    const agent = request.agent(app.getHttpAdapter().getInstance().server);
    void agent.set(referent);
    return agent;
  };

  beforeAll(async () => {
    referent = await testAuthHeaders({ id: 'u-42', role: 'referent' });
    ({ app } = await createApp({
      store: stubEventStore({ kind: 'pglite', lastGlobalPosition: 7 }, () => (closed = true)),
      auth: TEST_AUTH,
      routePolicies: ECHO_POLICIES,
      modules: [EchoModule],
      docs: true,
      logger: log.logger,
    }));
    await app.getHttpAdapter().getInstance().ready();
  });
  afterAll(() => app.close());

  const expectProblem = (res: request.Response, status: number, code: string) => {
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status, code, type: `urn:accompagnement:problem:${code}` });
    expect(typeof res.body.title).toBe('string');
    expect(typeof res.body.detail).toBe('string');
    expect(typeof res.body.instance).toBe('string');
  };

  it('accepts a valid body and records the actor from the bearer token', async () => {
    const res = await http().post('/echo').set('x-request-id', 'req-1').send({ count: 1, kind: 'a' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ body: { count: 1, kind: 'a' }, actor: { id: 'u-42', role: 'referent', scopes: [] }, correlationId: 'req-1' });
    expect(res.headers['x-request-id']).toBe('req-1');
  });

  it('generates a correlation id when the client sends none or an invalid one', async () => {
    const res = await http().post('/echo').set('x-request-id', 'not valid!').send({ count: 1, kind: 'b' });
    expect(res.body.correlationId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers 401 authentication-required without a token, before validating anything', async () => {
    const res = await anonymous().post('/echo').send({ count: 'x' });
    expectProblem(res, 401, 'authentication-required');
    expect(res.headers['www-authenticate']).toBe('Bearer');
  });

  it.each([
    ['signed with another secret', () => mintToken({ secret: 'x'.repeat(48), subject: 'u', role: 'referent' })],
    ['expired', () => mintToken({ secret: TEST_AUTH_SECRET, subject: 'u', role: 'referent', expiresIn: 60, now: new Date(Date.now() - 3_600_000) })],
    ['with an unknown role', () => mintToken({ secret: TEST_AUTH_SECRET, subject: 'u', role: 'king' as never })],
    ['malformed', async () => 'not.a.jwt'],
  ])('answers 401 invalid-token to a token %s, without saying why', async (_label, token) => {
    const res = await anonymous().post('/echo').set('authorization', `Bearer ${await token()}`).send({ count: 1, kind: 'a' });
    expectProblem(res, 401, 'invalid-token');
    // The same words whatever failed: which check failed only helps whoever forges tokens.
    expect(res.body.detail).toBe('The bearer token is invalid or expired.');
    expect(Object.keys(res.body).sort()).toEqual(['code', 'detail', 'instance', 'requestId', 'status', 'title', 'type']);
  });

  it('refuses a route that has no access policy, whoever asks', async () => {
    expectProblem(await http().get('/echo/unguarded'), 403, 'route-without-policy');
    expectProblem(await anonymous().get('/echo/unguarded'), 401, 'authentication-required');
  });

  it('refuses a role the policy does not name (403 role-not-allowed)', async () => {
    const res = await anonymous()
      .post('/echo')
      .set(await testAuthHeaders({ id: 'f-1', role: 'funder', scopes: ['funder:caf'] }))
      .send({ count: 1, kind: 'a' });
    expectProblem(res, 403, 'role-not-allowed');
  });

  it('lists every failing field, nested ones with a dotted path', async () => {
    const res = await http()
      .post('/echo')
      .send({ count: 'x', kind: 'z', personal: { phone: 'abc' }, extra: true });
    expectProblem(res, 400, 'invalid-input');
    const fields = (res.body.errors as { field: string }[]).map((e) => e.field).sort();
    expect(fields).toEqual(expect.arrayContaining(['count', 'extra', 'kind', 'personal.phone']));
  });

  it.each([
    ['an array', [1, 2]],
    ['a string', '"hello"'],
    ['a number', '42'],
    ['null', 'null'],
  ])('answers 400, not 500, to %s as body', async (_label, body) => {
    const res = await http()
      .post('/echo')
      .set('content-type', 'application/json')
      .send(typeof body === 'string' ? body : JSON.stringify(body));
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('answers 400 malformed-json to broken JSON and to an empty JSON body', async () => {
    expectProblem(await http().post('/echo').set('content-type', 'application/json').send('{"count": 1,'), 400, 'malformed-json');
    expectProblem(await http().post('/echo').set('content-type', 'application/json').send(''), 400, 'malformed-json');
  });

  it('refuses prototype poisoning as malformed JSON', async () => {
    const res = await http().post('/echo').set('content-type', 'application/json').send('{"__proto__": {"x": 1}, "count": 1, "kind": "a"}');
    expectProblem(res, 400, 'malformed-json');
  });

  it('answers 413 payload-too-large to a body over 1 MiB', async () => {
    const res = await http()
      .post('/echo')
      .set('content-type', 'application/json')
      .send(JSON.stringify({ count: 1, kind: 'a', pad: 'x'.repeat(2 * 1024 * 1024) }));
    expectProblem(res, 413, 'payload-too-large');
  });

  it('answers 415 to anything but JSON', async () => {
    expectProblem(await http().post('/echo').set('content-type', 'text/plain').send('count=1'), 415, 'unsupported-media-type');
    expectProblem(
      await http().post('/echo').set('content-type', 'application/x-www-form-urlencoded').send('count=1'),
      415,
      'unsupported-media-type',
    );
  });

  it('answers 404 route-not-found to an unknown route', async () => {
    expectProblem(await http().get('/nowhere'), 404, 'route-not-found');
    expectProblem(await http().delete('/echo'), 404, 'route-not-found');
  });

  it('answers 400 to a malformed URL, and logs it although the router refused it before any hook', async () => {
    expectProblem(await http().get('/echo/%E0%A4%A').set('x-request-id', 'bad-url-1'), 400, 'malformed-url');
    expect(log.records().filter((r) => r.requestId === 'bad-url-1')).toEqual([expect.objectContaining({ method: 'GET', route: null, status: 400 })]);
  });

  it('maps a domain refusal with its details', async () => {
    const res = await http().get('/echo/refused');
    expectProblem(res, 409, 'transition-not-allowed');
    // Asked by a referent: naming the referent is the coordinator's, so only the note is offered.
    expect(res.body).toMatchObject({ stage: 'saisine', allowedCommands: ['record-note'], detail: 'Not now.' });
  });

  it('hides an unexpected failure behind a generic 500 and logs it with its stack and the request id', async () => {
    const res = await http().get('/echo/boom').set('x-request-id', 'boom-1');
    expectProblem(res, 500, 'internal-error');
    expect(JSON.stringify(res.body)).not.toContain('secret');
    const lines = log.records().filter((r) => r.requestId === 'boom-1');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 'error', method: 'GET', route: '/echo/boom', status: 500, actorId: 'u-42', actorRole: 'referent' });
    const err = lines[0]!.err as { message: string; stack: string };
    expect(err.message).toBe('secret internal detail');
    expect(err.stack).toMatch(/EchoController\.boom|http-errors\.spec\.ts/);
  });

  it('logs one line per request with its route pattern, never the URL or the token', async () => {
    // Answered 200, or 400 where unknown query parameters are refused: either way one line, without the name.
    const res = await http().post('/echo?name=Martin').set('x-request-id', 'line-1').send({ count: 1, kind: 'a' });
    expect([200, 400]).toContain(res.status);
    const lines = log.lines().filter((l) => l.includes('"line-1"'));
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 'info', msg: `POST /echo ${res.status}`, method: 'POST', route: '/echo', status: res.status, actorId: 'u-42' });
    expect(typeof JSON.parse(lines[0]!).durationMs).toBe('number');
    expect(lines[0]).not.toContain('Martin');
    expect(log.lines().join('\n')).not.toContain(referent.authorization!.slice(7));
  });

  it('reports health from the store, without a token', async () => {
    const res = await anonymous().get('/health');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ok', store: { ok: true, kind: 'pglite', lastGlobalPosition: 7 } });
  });

  it('serves the OpenAPI document and its UI, without a token', async () => {
    const http = anonymous;
    const json = await http().get('/docs/json');
    expect(json.status).toBe(200);
    expect(json.body.openapi).toMatch(/^3\./);
    expect(json.body.paths['/health']).toBeDefined();
    const ui = await http().get('/docs');
    expect(ui.status).toBe(200);
    expect(ui.text).toContain('swagger-ui');
    const asset = await http().get('/docs/swagger-ui-bundle.js');
    expect(asset.status).toBe(200);
  });

  it('closes the store it was given only when it opened it', async () => {
    expect(closed).toBe(false);
  });
});
