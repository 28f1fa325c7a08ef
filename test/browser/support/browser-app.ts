import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { type Browser, chromium, type Page } from 'playwright-core';
import { createApp } from '../../../apps/api/src/app.factory';
import { testBearer, TEST_AUTH, type TestCaller } from '../../../libs/auth/src/testing/test-tokens';
import type { Catalogue } from '../../../apps/api/src/trajectories/catalogue';
import { e2eCatalogue } from '../../e2e/support/fixtures';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const HAVE_CHROMIUM = existsSync(CHROMIUM);
const ROOT = resolve(__dirname, '../../..');
export const SCREENSHOTS = process.env.SCREENSHOT_DIR ?? join(ROOT, 'artifacts', 'screenshots');

/** Builds the web app once into a temporary directory, as `npm run build` would into dist/web. */
export function buildWebApp(): string {
  const outDir = mkdtempSync(join(tmpdir(), 'web-build-'));
  execFileSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', join(ROOT, 'apps/web/vite.config.ts'), '--logLevel', 'error'], {
    cwd: ROOT,
    // jest sets NODE_ENV=test, which would give React's development build.
    env: { ...process.env, NODE_ENV: 'production', WEB_OUT_DIR: outDir, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return outDir;
}

export interface BrowserApp {
  app: NestFastifyApplication;
  baseUrl: string;
  close(): Promise<void>;
}

/** The real API on an in-memory PGlite store, listening on a free loopback port, serving the built web app. */
export async function startBrowserApp(webDir: string, catalogue: Catalogue = e2eCatalogue()): Promise<BrowserApp> {
  const { app } = await createApp({ catalogue, auth: TEST_AUTH, logger: ['error'], webDir });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpAdapter().getInstance().server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return { app, baseUrl: `http://127.0.0.1:${address.port}`, close: () => app.close() };
}

/** Debian's Chromium, headless, with nothing that reaches outside this machine. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--lang=fr-FR', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** Opens the sign-in link a person would get from `npm run cli -- token ... --link`. */
export async function signIn(page: Page, baseUrl: string, caller: TestCaller): Promise<void> {
  const bearer = await testBearer(caller);
  await page.goto(`${baseUrl}/connexion#token=${bearer.slice('Bearer '.length)}`);
  // Signed in once the app has kept the token and gone to the role's home: a test that goes straight
  // to another address before then (a loaded machine) would land on the sign-in page.
  await page.waitForURL((url) => !url.pathname.startsWith('/connexion'));
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}
