// PGlite loads parts of itself with import(), which jest's sandbox refuses: load it outside (see the helper).
jest.mock('@electric-sql/pglite', () => jest.requireActual('../../../../libs/event-store/src/testing/pglite-outside-sandbox').loadPGliteModule());
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { mintToken } from '../../../../libs/auth/src';
import { TEST_AUTH, TEST_AUTH_SECRET, testAuthHeaders } from '../../../../libs/auth/src/testing/test-tokens';
import { testDeps } from '../../../../workflows/trajectory/src/testing';
import { createApp } from '../app.factory';
import type { HttpHardening } from './http-hardening';

const APP_ORIGIN = 'https://app.example.org';

async function appWith(http?: HttpHardening): Promise<{ app: NestFastifyApplication; http: () => ReturnType<typeof request> }> {
  const { app } = await createApp({ auth: TEST_AUTH, catalogue: testDeps(), logger: false, http });
  await app.getHttpAdapter().getInstance().ready();
  const server = app.getHttpAdapter().getInstance().server;
  return { app, http: () => request(server) };
}

const coordinator = () => testAuthHeaders({ id: 'coord-1', role: 'coordinator', scopes: ['service:nord'] });

describe('HTTP hardening (defaults: no CORS, no rate limit in createApp)', () => {
  let subject: Awaited<ReturnType<typeof appWith>>;
  beforeAll(async () => {
    subject = await appWith();
  });
  afterAll(() => subject.app.close());

  it('sends helmet headers and a same-origin CSP on every answer, /health and /docs included', async () => {
    for (const path of ['/health', '/docs', '/docs/json', '/nowhere']) {
      const res = await subject.http().get(path);
      const csp = res.headers['content-security-policy'];
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain('upgrade-insecure-requests');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    }
  });

  it("sends helmet's other headers too, on a command's answer as on a refusal", async () => {
    for (const res of [await subject.http().get('/caseload').set(await coordinator()), await subject.http().get('/caseload')]) {
      expect(res.headers).toMatchObject({
        'cross-origin-opener-policy': 'same-origin',
        'cross-origin-resource-policy': 'same-origin',
        'origin-agent-cluster': '?1',
        'referrer-policy': 'no-referrer',
        'strict-transport-security': 'max-age=31536000; includeSubDomains',
        'x-content-type-options': 'nosniff',
        'x-dns-prefetch-control': 'off',
        'x-download-options': 'noopen',
        'x-frame-options': 'SAMEORIGIN',
        'x-permitted-cross-domain-policies': 'none',
        'x-xss-protection': '0',
      });
    }
  });

  it('checks the query parameters only once the caller is known: 401 without a token, then 400 naming the unknown one', async () => {
    const anonymous = await subject.http().get('/caseload?referentId=x');
    expect(anonymous.status).toBe(401);
    const known = await subject.http().get('/caseload?referentId=x').set(await coordinator());
    expect(known.status).toBe(400);
    expect(known.body).toMatchObject({ code: 'unknown-query-parameter', unknown: ['referentId'] });
  });

  it('serves a Swagger UI that the CSP lets run: no inline script, assets and styles from the same origin', async () => {
    const page = await subject.http().get('/docs');
    expect(page.status).toBe(200);
    const scripts = [...page.text.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(attributes).toMatch(/src=/);
      expect(body!.trim()).toBe('');
    }
    const sources = [...page.text.matchAll(/(?:src|href)=["']([^"']+)["']/g)].map((m) => m[1]!);
    for (const source of sources) {
      expect(source).not.toMatch(/^(https?:)?\/\//);
      // Resolved as a browser does, against the page's own URL.
      const asset = await subject.http().get(new URL(source, 'http://localhost/docs').pathname);
      expect({ source, status: asset.status }).toEqual({ source, status: 200 });
    }
    expect(page.headers['content-security-policy']).toContain("style-src 'self' 'unsafe-inline'");
  });

  it('answers no CORS header by default, to a simple request or a preflight', async () => {
    const res = await subject.http().get('/health').set('origin', APP_ORIGIN);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    const preflight = await subject.http().options('/caseload').set('origin', APP_ORIGIN).set('access-control-request-method', 'GET');
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('marks answers no-store (caseload, health, errors), but lets the docs assets be cached', async () => {
    const caseload = await subject.http().get('/caseload').set(await coordinator());
    expect(caseload.status).toBe(200);
    expect(caseload.headers['cache-control']).toBe('no-store');
    expect((await subject.http().get('/health')).headers['cache-control']).toBe('no-store');
    expect((await subject.http().get('/caseload')).headers['cache-control']).toBe('no-store');
    expect((await subject.http().get('/docs/swagger-ui.css')).headers['cache-control']).toBe('public, max-age=3600');
  });

  it('refuses a token issued more than 12 h ago (401 problem), although its exp is far away', async () => {
    const old = await mintToken({ secret: TEST_AUTH_SECRET, subject: 'coord-1', role: 'coordinator', expiresIn: '30d', now: new Date(Date.now() - 13 * 3600_000) });
    const res = await subject.http().get('/caseload').set('authorization', `Bearer ${old}`);
    expect(res.status).toBe(401);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 401, code: 'invalid-token' });
    const fresh = await mintToken({ secret: TEST_AUTH_SECRET, subject: 'coord-1', role: 'coordinator', expiresIn: '30d', now: new Date(Date.now() - 11 * 3600_000) });
    expect((await subject.http().get('/caseload').set('authorization', `Bearer ${fresh}`)).status).toBe(200);
  });
});

describe('HTTP hardening (CORS_ORIGINS and a rate limit configured)', () => {
  let subject: Awaited<ReturnType<typeof appWith>>;
  beforeAll(async () => {
    subject = await appWith({ corsOrigins: [APP_ORIGIN], rateLimit: { max: 3, windowSeconds: 60 } });
  });
  afterAll(() => subject.app.close());

  it('allows the configured origin only, and answers its preflight', async () => {
    const allowed = await subject.http().get('/docs/json').set('origin', APP_ORIGIN);
    expect(allowed.headers['access-control-allow-origin']).toBe(APP_ORIGIN);
    expect(allowed.headers['access-control-expose-headers']).toContain('retry-after');
    const other = await subject.http().get('/docs/json').set('origin', 'https://evil.example.com');
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
    const preflight = await subject.http().options('/caseload').set('origin', APP_ORIGIN).set('access-control-request-method', 'GET').set('access-control-request-headers', 'authorization');
    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe(APP_ORIGIN);
    expect(preflight.headers['access-control-allow-headers']).toContain('authorization');
  });

  it('answers 429 problem details with Retry-After past the limit, per token subject', async () => {
    const headers = await testAuthHeaders({ id: 'busy-1', role: 'coordinator', scopes: ['service:nord'] });
    for (let i = 0; i < 3; i++) expect((await subject.http().get('/caseload').set(headers)).status).toBe(200);
    const limited = await subject.http().get('/caseload').set(headers);
    expect(limited.status).toBe(429);
    expect(limited.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(limited.body).toMatchObject({ status: 429, code: 'too-many-requests', retryAfterSeconds: expect.any(Number) });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.headers['cache-control']).toBe('no-store');
    // Another subject from the same address has its own allowance.
    const other = await testAuthHeaders({ id: 'calm-2', role: 'coordinator', scopes: ['service:nord'] });
    expect((await subject.http().get('/caseload').set(other)).status).toBe(200);
  });

  it('counts invalid tokens against the caller address, whatever subject they claim', async () => {
    const forged = (sub: string) => mintToken({ secret: 'f'.repeat(48), subject: sub, role: 'admin' }).then((t) => `Bearer ${t}`);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await subject.http().get('/caseload').set('authorization', await forged(`invented-${i}`))).status);
    expect(statuses).toContain(429);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(3);
  });
});
