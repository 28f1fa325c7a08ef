// PGlite loads parts of itself with import(), which jest's sandbox refuses: load it outside (see the helper).
jest.mock('@electric-sql/pglite', () => jest.requireActual('../../libs/event-store/src/testing/pglite-outside-sandbox').loadPGliteModule());
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Browser, Page } from 'playwright-core';
import { createApp } from '../../apps/api/src/app.factory';
import { e2eCatalogue } from '../e2e/support/fixtures';
import { seriousViolations } from './support/accessibility';
import { buildWebApp, HAVE_CHROMIUM, launchChromium, screenshot } from './support/browser-app';

const describeWithChromium = HAVE_CHROMIUM ? describe : describe.skip;
if (!HAVE_CHROMIUM) console.warn('SKIPPED: browser tests need /usr/bin/chromium (apt-get install -y chromium), or CHROMIUM_PATH.');
jest.setTimeout(120_000);

const CLIENT_ID = 'accompagnement-web';
const AUDIENCE = 'urn:accompagnement:api';
/** The access token's life at the provider: short, so the test sees the app sign out when it ends. */
const TOKEN_TTL_SECONDS = 20;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Starts the real provider (test/browser/support/oidc-provider.mjs) and waits for its READY line, with a deadline. */
function startProvider(port: number, appOrigin: string): Promise<{ process: ChildProcess; issuer: string }> {
  const child = spawn(process.execPath, [join(__dirname, 'support/oidc-provider.mjs'), String(port), appOrigin, CLIENT_ID, AUDIENCE, String(TOKEN_TTL_SECONDS)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`the OpenID provider did not start: ${output}`)), 30_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const ready = /READY (\S+)/.exec(output);
      if (ready) {
        clearTimeout(timer);
        resolve({ process: child, issuer: ready[1] });
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`the OpenID provider stopped (${String(code)}): ${output}`)));
  });
}

/**
 * Sign-in through a real OpenID Connect provider started here on localhost (not a mock): the app
 * learns it from /web-config.json, sends the person there (authorization code + PKCE), exchanges the
 * code, calls the API with the access token (checked against the provider's JWKS), keeps no token
 * in any storage, and signs out when the token expires.
 */
describeWithChromium('OpenID Connect sign-in against a real provider', () => {
  let app: NestFastifyApplication;
  let provider: ChildProcess | undefined;
  let browser: Browser;
  let baseUrl: string;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    const providerPort = await freePort();
    const issuer = `http://127.0.0.1:${providerPort}`;
    ({ app } = await createApp({
      catalogue: e2eCatalogue(),
      auth: { keys: { kind: 'jwks', url: `${issuer}/jwks` }, issuer, audience: AUDIENCE },
      webSignIn: { issuer, clientId: CLIENT_ID, audience: AUDIENCE },
      logger: ['error'],
      webDir: process.env.WEB_BUILD_DIR ?? buildWebApp(),
    }));
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.getHttpAdapter().getInstance().server.address();
    if (!address || typeof address === 'string') throw new Error('no port');
    baseUrl = `http://127.0.0.1:${address.port}`;
    const started = await startProvider(providerPort, baseUrl);
    provider = started.process;
    expect(started.issuer).toBe(issuer);
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    provider?.kill();
    await app?.close();
  });

  afterEach(() => {
    expect(pageErrors.splice(0)).toEqual([]);
  });

  async function newPage(): Promise<Page> {
    const context = await browser.newContext({ locale: 'fr-FR', timezoneId: 'Europe/Paris' });
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    return page;
  }

  it('signs the coordinator in with authorization code + PKCE, keeps the token out of storage, and signs out at expiry', async () => {
    const page = await newPage();
    const authorizeRequests: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/auth?')) authorizeRequests.push(request.url());
    });
    await page.goto(`${baseUrl}/dossiers`);
    await page.getByRole('heading', { level: 1, name: 'Connexion' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'connexion-oidc');
    await page.getByRole('button', { name: 'Se connecter' }).click();

    // The provider's own login and consent pages (devInteractions).
    await page.locator('input[name="login"]').fill('chef-service');
    await page.locator('input[name="password"]').fill('any');
    await page.locator('button[type="submit"]').click();
    await page.locator('button[type="submit"]', { hasText: /continue/i }).click();

    await page.getByRole('heading', { level: 1, name: 'Dossiers' }).waitFor();
    expect(await page.getByText('chef-service · Coordination').count()).toBe(1);
    // The caseload answered: the API accepted the provider's token (JWKS, issuer, audience).
    await page.getByRole('table').filter({ hasText: 'dossier' }).first().waitFor();
    const authorize = new URL(authorizeRequests[0]);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(authorize.searchParams.get('response_type')).toBe('code');

    // No token in any storage another script of this origin could read later: not in localStorage,
    // not in sessionStorage (the sign-in's state is gone once the code was exchanged), no cookie here.
    // Evaluated in the page (the test's own TypeScript has no DOM types: the page's globals are reached by name).
    const stored = await page.evaluate('JSON.stringify({ local: { ...localStorage }, session: { ...sessionStorage }, cookies: document.cookie })') as string;
    expect(stored).not.toMatch(/eyJ[\w-]+\.eyJ/);
    expect(JSON.parse(stored)).toMatchObject({ local: {}, cookies: '' });

    // The token ends TOKEN_TTL_SECONDS after it was issued: the app signs out by itself then.
    await page.getByText('Votre session a expiré. Reconnectez-vous.').waitFor({ timeout: (TOKEN_TTL_SECONDS + 30) * 1000 });
    await page.getByRole('heading', { level: 1, name: 'Connexion' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'connexion-oidc-expiree');
  });
});
