// PGlite loads parts of itself with import(), which jest's sandbox refuses: load it outside (see the helper).
jest.mock('@electric-sql/pglite', () => jest.requireActual('../../libs/event-store/src/testing/pglite-outside-sandbox').loadPGliteModule());
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { AUDITOR, COORDINATOR, FUNDER, saisine, SECRETARY } from '../e2e/support/fixtures';
import { seriousViolations } from './support/accessibility';
import { buildWebApp, HAVE_CHROMIUM, launchChromium, screenshot, SCREENSHOTS, signIn } from './support/browser-app';
import { type FundingFixtures, type FundingWorld, seedFunding, startFundingWorld } from './support/funding-world';

const describeWithChromium = HAVE_CHROMIUM ? describe : describe.skip;
if (!HAVE_CHROMIUM) console.warn('SKIPPED: browser tests need /usr/bin/chromium (apt-get install -y chromium), or CHROMIUM_PATH.');

describeWithChromium("funders' and auditors' pages in a browser", () => {
  let world: FundingWorld;
  let browser: Browser;
  let seed: FundingFixtures;

  beforeAll(async () => {
    world = await startFundingWorld(buildWebApp());
    browser = await launchChromium();
    seed = await seedFunding(world);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await world?.close();
  });

  const pageErrors: string[] = [];
  const contexts: BrowserContext[] = [];
  afterEach(async () => {
    // Closing the pages ends their live feed streams before the server goes.
    await Promise.all(contexts.splice(0).map((c) => c.close()));
    expect(pageErrors.splice(0)).toEqual([]);
  });

  async function newPage(): Promise<Page> {
    const context = await browser.newContext({ locale: 'fr-FR', timezoneId: 'Europe/Paris', acceptDownloads: true, viewport: { width: 1280, height: 900 } });
    contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    return page;
  }

  /** The history page changes its address in place (no navigation): wait for ?at= to say the instant. */
  async function atParam(page: Page, instant: string): Promise<void> {
    // Runs in the page: `location` is the page's (the specs compile without the DOM's types).
    await page.waitForFunction((expected) => new URLSearchParams((globalThis as unknown as { location: { search: string } }).location.search).get('at') === expected, instant);
  }

  async function checked(page: Page, name: string): Promise<void> {
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, name);
  }

  it('shows a funder only the conventions it funds, with cap, consumption, volumes and its share', async () => {
    const page = await newPage();
    await signIn(page, world.baseUrl, FUNDER);
    await page.getByRole('heading', { level: 1, name: 'Conventions' }).waitFor();
    const rows = page.getByRole('table', { name: /convention/ }).locator('tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(1);
    expect(await rows.first().getAttribute('data-convention')).toBe(seed.conventionA);
    expect(await page.locator('main').textContent()).not.toContain('action-logement');
    const shares = page.getByRole('table', { name: /Cofinancement/ });
    expect(await shares.getByRole('row', { name: /departement-x \(vous\)/ }).textContent()).toContain('60 %');
    expect(await shares.getByRole('row', { name: /caf-x/ }).textContent()).toContain('40 %');
    const volumes = page.getByRole('table', { name: /Volumes prévus et réalisés/ });
    expect(await volumes.getByRole('row', { name: /Diagnostics/ }).textContent()).toMatch(/10\s*2$/);
    await checked(page, 'financeur-conventions');

    // Another funder's convention, by its address: the API answers as if it did not exist, and the page says so.
    await page.goto(`${world.baseUrl}/financement/${seed.conventionB}/consommation`);
    await page.getByRole('heading', { level: 1, name: 'Convention indisponible' }).waitFor();
    expect(await page.getByRole('alert').textContent()).toContain('vous n’en êtes pas financeur');
    expect(await page.locator('main').textContent()).not.toContain('action-logement');
    await screenshot(page, 'financeur-convention-d-un-autre');

    // The coordinator has the same page for every convention of the service.
    const coordinator = await newPage();
    await signIn(coordinator, world.baseUrl, COORDINATOR);
    await coordinator.getByRole('link', { name: 'Conventions' }).click();
    await coordinator.getByRole('heading', { level: 1, name: 'Conventions' }).waitFor();
    await coordinator.getByRole('table', { name: /2 conventions/ }).waitFor();
    await coordinator.goto(`${world.baseUrl}/financement/${seed.conventionB}/consommation`);
    await coordinator.locator('canvas[data-last-cumulated-cents]').waitFor();
    const b = await world.call<{ totalCents: number }>(COORDINATOR, 'GET', `/conventions/${seed.conventionB}/consumption`);
    expect(Number(await coordinator.locator('canvas').getAttribute('data-last-cumulated-cents'))).toBe(b.body.totalCents);
  });

  it("draws the consumption month by month, its last cumulated point being the API's consumption, and downloads the CSV", async () => {
    const page = await newPage();
    await signIn(page, world.baseUrl, FUNDER);
    await page.getByRole('link', { name: 'Consommation', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Consommation 2026' }).waitFor();
    const canvas = page.locator('canvas[data-last-cumulated-cents]');
    await canvas.waitFor();
    const api = await world.call<{ totalCents: number; lines: { kind: string; quantity: number }[] }>(FUNDER, 'GET', `/conventions/${seed.conventionA}/consumption`);
    expect(api.status).toBe(200);
    // Two diagnostics and the month-measures from February to May: the figure is not trivially zero.
    expect(api.body.totalCents).toBeGreaterThan(30000);
    expect(Number(await canvas.getAttribute('data-last-cumulated-cents'))).toBe(api.body.totalCents);
    const months = page.getByRole('table', { name: 'Mois par mois' }).locator('tbody tr');
    expect(await months.count()).toBe(5);
    const units = page.getByRole('table', { name: 'Par unité facturable' });
    expect(await units.getByRole('row', { name: /Mois-mesures/ }).textContent()).toContain(String(api.body.lines.find((l) => l.kind === 'month-measure')?.quantity));
    await checked(page, 'financeur-consommation');
    // The README's picture (docs/images/consommation.png is a copy): the figures and the chart.
    const heading = (await page.getByRole('heading', { level: 1 }).boundingBox())!;
    const figure = (await page.locator('figure.chart').boundingBox())!;
    await page.screenshot({
      path: join(SCREENSHOTS, 'consommation-graphique.png'),
      clip: { x: figure.x - 16, y: heading.y - 8, width: figure.width + 32, height: figure.y + figure.height - heading.y + 24 },
    });

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Télécharger le CSV' }).click()]);
    expect(download.suggestedFilename()).toBe(`consommation-${seed.conventionA}-2026.csv`);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv).toContain('Total');
    expect(csv).toContain(String(api.body.totalCents));
  });

  it('shows the yearly report with the counts under 5 as "<5", as the API gives them, and prints without the menus', async () => {
    const page = await newPage();
    await signIn(page, world.baseUrl, FUNDER);
    await page.goto(`${world.baseUrl}/financement/${seed.conventionA}/rapport`);
    await page.getByRole('heading', { level: 1, name: 'Rapport annuel 2026' }).waitFor();
    const api = await world.call<{ households: { received: number | string } }>(FUNDER, 'GET', `/conventions/${seed.conventionA}/report`);
    expect(api.body.households.received).toBe('<5');
    const received = page.getByRole('table', { name: 'Ménages et sorties' }).getByRole('row', { name: /Ménages reçus/ });
    expect((await received.locator('td').textContent())?.trim()).toBe('<5');
    await checked(page, 'financeur-rapport-annuel');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.app-header').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Télécharger le CSV' }).isVisible()).toBe(false);
    await screenshot(page, 'financeur-rapport-impression');
  });

  it("shows the monthly dashboard's figures for a chosen month", async () => {
    const page = await newPage();
    await signIn(page, world.baseUrl, FUNDER);
    await page.goto(`${world.baseUrl}/financement/${seed.conventionA}/tableau-de-bord?month=2026-03`);
    await page.getByRole('heading', { level: 1, name: 'Tableau de bord — mars 2026' }).waitFor();
    const api = await world.call<{ saisinesReceived: number; monthMeasures: number }>(FUNDER, 'GET', `/conventions/${seed.conventionA}/dashboard?month=2026-03`);
    const activity = page.getByRole('table', { name: 'Activité du mois' });
    expect((await activity.getByRole('row', { name: /Saisines reçues/ }).locator('td').textContent())?.trim()).toBe(String(api.body.saisinesReceived));
    expect((await activity.getByRole('row', { name: /Mois-mesures/ }).locator('td').textContent())?.trim()).toBe(String(api.body.monthMeasures));
    await checked(page, 'financeur-tableau-de-bord');
  });

  it("lists the funder's pseudonymised feed live, from the server-sent events", async () => {
    const page = await newPage();
    await signIn(page, world.baseUrl, FUNDER);
    await page.getByRole('link', { name: 'Flux' }).click();
    await page.getByRole('status').filter({ hasText: 'En direct' }).waitFor();
    const rows = page.getByRole('table').locator('tbody tr');
    await rows.first().waitFor();
    const before = await rows.count();
    // A new saisine under the funder's convention arrives on the open page without a reload.
    world.at('2026-05-21');
    expect((await world.call(SECRETARY, 'POST', '/trajectories', saisine('2026-05-21', { conventionId: seed.conventionA }))).status).toBe(201);
    await page.getByRole('status').filter({ hasText: `${before + 1} enregistrements` }).waitFor({ timeout: 20_000 });
    expect(await rows.first().textContent()).toContain('Saisine reçue');
    expect(await page.locator('main').textContent()).not.toMatch(/Martin|Awa|Lilas/);
    await checked(page, 'financeur-flux');
  });

  it('lets an auditor move the history back to a past instant and see the state as it stood, the differences marked', async () => {
    const page = await newPage();
    await signIn(page, world.baseUrl, AUDITOR);
    await page.getByRole('heading', { level: 1, name: 'Historique des dossiers' }).waitFor();
    await page.getByRole('link', { name: seed.accompanied.slice(0, 8).toUpperCase() }).click();
    await page.getByRole('heading', { level: 1, name: `Historique du dossier ${seed.accompanied.slice(0, 8).toUpperCase()}` }).waitFor();
    const stage = page.locator('tr[data-field="stage"]');
    await stage.waitFor();
    expect(await stage.getAttribute('class')).toBeNull();

    // Keyboard only: the slider to the second event (the referent assigned on 6 January).
    const slider = page.getByRole('slider');
    await slider.focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight');
    await atParam(page, '2026-01-06T10:00:00.000Z');
    await page.locator('tr[data-field="stage"].changed').waitFor();
    expect(await stage.locator('td').allTextContents()).toEqual(['Saisine', 'Accompagnement (briques)', 'modifié']);
    expect((await page.locator('tr[data-field="referent"] td').allTextContents()).slice(0, 2)).toEqual(['referent-1', 'referent-1']);
    expect(await page.locator('tr[data-field="version"] td').first().textContent()).toBe('2');
    await checked(page, 'audit-historique-instant');

    // The state the API replays for that instant is what the page shows.
    const replay = await world.call<{ state: { stage: string; version: number } }>(AUDITOR, 'GET', `/trajectories/${seed.accompanied}/history?at=2026-01-06T10:00:00.000Z`);
    expect(replay.body.state).toMatchObject({ stage: 'saisine', version: 2 });

    await page.keyboard.press('Home');
    await atParam(page, '2026-01-05T10:00:00.000Z');
    await page.locator('tr[data-field="referent"].changed').waitFor();
    expect((await page.locator('tr[data-field="referent"] td').allTextContents()).slice(0, 2)).toEqual(['—', 'referent-1']);

    // As of a business date (?asOf=): what had happened by 10 January, the note recorded in May about the 8th included.
    await page.getByLabel(/date métier/).fill('2026-01-10');
    await page.waitForFunction(() => new URLSearchParams((globalThis as unknown as { location: { search: string } }).location.search).get('asOf') === '2026-01-10');
    await page.getByRole('heading', { level: 2, name: /à la date métier du 10\/01\/2026/ }).waitFor();
    const asOf = await world.call<{ selectedBy: string; events: { type: string }[]; state: { stage: string; details: { notesCount: number } } }>(
      AUDITOR,
      'GET',
      `/trajectories/${seed.accompanied}/history?asOf=2026-01-10`,
    );
    expect(asOf.body.selectedBy).toBe('occurredAt');
    expect(asOf.body.events.map((e) => e.type)).toEqual(['SaisineReceived', 'ReferentAssigned', 'NoteRecorded']);
    await page.locator('tr[data-field="details.notesCount"] td').first().filter({ hasText: String(asOf.body.state.details.notesCount) }).waitFor();
    expect(await page.locator('tr[data-field="stage"] td').first().textContent()).toBe('Saisine');
    await screenshot(page, 'audit-historique-date-metier');
  });

  it('lets an auditor verify the store and find the event altered in SQL, flagged on the trajectory pages too', async () => {
    const altered = await world.db.query(`UPDATE events SET data = jsonb_set(data, '{mode}', '"office"') WHERE stream_id = $1 AND version = $2 RETURNING id`, [
      `trajectory-${seed.accompanied}`,
      seed.firstContactVersion,
    ]);
    expect(altered.rows).toHaveLength(1);

    const page = await newPage();
    await signIn(page, world.baseUrl, AUDITOR);
    await page.getByRole('link', { name: 'Vérification' }).click();
    await page.getByRole('heading', { level: 1, name: "Vérification de l'intégrité" }).waitFor();
    await page.getByRole('button', { name: 'Vérifier tout le registre' }).click();
    await page.getByText('Vérification terminée').waitFor();
    const row = page.getByRole('table', { name: /Flux altérés/ }).getByRole('row', { name: new RegExp(`trajectory-${seed.accompanied}`) });
    expect(await row.textContent()).toContain(`n° ${seed.firstContactVersion}`);
    expect(await page.getByRole('table', { name: /Flux altérés/ }).locator('tbody tr').count()).toBe(1);
    expect(await page.locator('progress').getAttribute('value')).toBe(await page.locator('progress').getAttribute('max'));
    await checked(page, 'audit-verification-registre');

    await page.getByLabel('Identifiant du dossier').fill(seed.accompanied);
    await page.getByRole('button', { name: 'Vérifier ce dossier' }).click();
    await page.getByText(`premier événement altéré, le n° ${seed.firstContactVersion}`).waitFor();

    await page.goto(`${world.baseUrl}/dossiers/${seed.accompanied}`);
    await page.getByRole('alert').filter({ hasText: `L'événement n° ${seed.firstContactVersion}` }).waitFor();
    await page.goto(`${world.baseUrl}/controle/historique/${seed.accompanied}`);
    await page.getByRole('alert').filter({ hasText: 'Altéré' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'audit-historique-altere');
  });

  it('shows the access log filtered by reader, trajectory and day', async () => {
    const page = await newPage();
    await signIn(page, world.baseUrl, AUDITOR);
    await page.getByRole('link', { name: 'Journal des accès' }).click();
    await page.getByRole('heading', { level: 1, name: 'Journal des accès' }).waitFor();
    await page.getByLabel('Lecteur (identifiant)').fill(AUDITOR.id);
    await page.getByLabel('Dossier (identifiant)').fill(seed.accompanied);
    await page.getByRole('button', { name: 'Filtrer' }).click();
    await page.waitForURL(/actor=auditor-1/);
    const rows = page.getByRole('table').locator('tbody tr');
    await rows.first().waitFor();
    for (const text of await rows.allTextContents()) expect(text).toContain(AUDITOR.id);
    const api = await world.call<{ entries: unknown[] }>(AUDITOR, 'GET', `/access-log?actor=${AUDITOR.id}&trajectory=${seed.accompanied}`);
    expect(await rows.count()).toBe(api.body.entries.length);
    await checked(page, 'audit-journal-des-acces');
    // A day before anything was read: nothing.
    await page.getByLabel('Au').fill('2026-01-01');
    await page.getByRole('button', { name: 'Filtrer' }).click();
    await page.getByRole('table', { name: 'Aucune lecture ne correspond.' }).waitFor();
  });
});
