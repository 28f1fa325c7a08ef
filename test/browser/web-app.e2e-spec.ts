// PGlite loads parts of itself with import(), which jest's sandbox refuses: load it outside (see the helper).
jest.mock('@electric-sql/pglite', () => jest.requireActual('../../libs/event-store/src/testing/pglite-outside-sandbox').loadPGliteModule());
import type { Browser, Page } from 'playwright-core';
import { addDays, parisDate } from '../../libs/domain/src';
import { testAuthHeaders } from '../../libs/auth/src/testing/test-tokens';
import { ASLL_TEST, testDeps } from '../../workflows/trajectory/src/testing';
import { COORDINATOR, REFERENT, saisine, SECRETARY } from '../e2e/support/fixtures';
import { seriousViolations } from './support/accessibility';
import { type BrowserApp, buildWebApp, HAVE_CHROMIUM, launchChromium, screenshot, signIn, startBrowserApp } from './support/browser-app';

const describeWithChromium = HAVE_CHROMIUM ? describe : describe.skip;
if (!HAVE_CHROMIUM) {
  // Said in the log, not only in jest's skipped count: .ci/run installs Debian's chromium, a laptop may not have it.
  console.warn('SKIPPED: browser tests need /usr/bin/chromium (apt-get install -y chromium), or CHROMIUM_PATH.');
}

/** A Paris calendar date `days` before today: the app runs on the real clock, as a person's browser does. */
const daysAgo = (days: number) => addDays(parisDate(new Date()), -days);

describeWithChromium('the web app in a browser', () => {
  let server: BrowserApp;
  let browser: Browser;
  let trajectoryId: string;

  beforeAll(async () => {
    // Beside the test programmes, one with its own saisine field (a landlord's orientation form).
    const orientation = {
      ...ASLL_TEST,
      code: 'orientation-bailleur-test',
      title: 'Orientation bailleur (test)',
      saisineFields: { orientation: { title: 'Orientation proposée', values: ['accompagnement-social', 'fsl'], required: true } },
    };
    server = await startBrowserApp(buildWebApp(), testDeps({ programmes: [orientation] }));
    browser = await launchChromium();
    const res = await fetch(`${server.baseUrl}/trajectories`, {
      method: 'POST',
      headers: { ...(await testAuthHeaders(COORDINATOR)), 'content-type': 'application/json' },
      body: JSON.stringify(saisine(daysAgo(20))),
    });
    expect(res.status).toBe(201);
    trajectoryId = ((await res.json()) as { trajectoryId: string }).trajectoryId;
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const pageErrors: string[] = [];
  afterEach(() => {
    expect(pageErrors.splice(0)).toEqual([]);
  });

  async function newPage(): Promise<Page> {
    const context = await browser.newContext({ locale: 'fr-FR', timezoneId: 'Europe/Paris' });
    const page = await context.newPage();
    // A script error on a page (a CSP refusal among them) fails the test that caused it.
    page.on('pageerror', (error) => pageErrors.push(error.message));
    return page;
  }

  it('refuses the app to someone without a sign-in link, in French', async () => {
    const page = await newPage();
    await page.goto(`${server.baseUrl}/dossiers`);
    await page.getByRole('heading', { level: 1, name: 'Connexion' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'connexion');
  });

  it('lets a coordinator find the new saisine in the caseload and assign a referent through the form', async () => {
    const page = await newPage();
    await signIn(page, server.baseUrl, COORDINATOR);
    await page.getByRole('heading', { level: 1, name: 'Dossiers' }).waitFor();
    const reference = trajectoryId.slice(0, 8).toUpperCase();
    const row = page.getByRole('row').filter({ hasText: reference });
    await row.waitFor();
    expect(await row.textContent()).toContain('Premier contact');
    expect(await row.textContent()).toContain('En retard');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'dossiers-coordination');

    // A filter lives in the URL and survives a reload.
    await page.getByLabel('Étape').selectOption('saisine');
    await page.waitForURL(/stage=saisine/);
    await page.reload();
    await row.waitFor();
    expect(await page.getByLabel('Étape').inputValue()).toBe('saisine');

    await page.getByRole('link', { name: reference }).click();
    await page.getByRole('heading', { level: 1, name: `Dossier ${reference}` }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'dossier-saisine');

    await page.getByRole('button', { name: 'Désigner le référent' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await dialog.getByLabel(/Référent/).first().fill(REFERENT.id);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'formulaire-designer-referent');
    await dialog.getByRole('button', { name: 'Enregistrer' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('cell', { name: 'Référent·e désigné·e' }).waitFor();
    expect(await page.locator('.lead').textContent()).toContain(REFERENT.id);
  });

  it("shows the referent's day and a refused first contact's French reason, keeping what was typed", async () => {
    const page = await newPage();
    await signIn(page, server.baseUrl, REFERENT);
    await page.getByRole('heading', { level: 1, name: 'Ma journée' }).waitFor();
    const reference = trajectoryId.slice(0, 8).toUpperCase();
    await page.getByRole('row').filter({ hasText: reference }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'ma-journee');

    await page.getByRole('link', { name: reference }).click();
    await page.getByRole('button', { name: 'Enregistrer le premier contact' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Date').fill(daysAgo(40));
    await dialog.getByLabel('Modalité du contact').selectOption({ label: 'Visite à domicile' });
    await dialog.getByRole('button', { name: 'Enregistrer' }).click();
    await dialog.getByRole('alert').waitFor();
    expect(await dialog.getByRole('alert').textContent()).toMatch(/ouverture du dossier/);
    await screenshot(page, 'refus-premier-contact');
    expect(await dialog.getByLabel('Modalité du contact').evaluate((select) => (select as unknown as { selectedOptions: { textContent: string | null }[] }).selectedOptions[0]?.textContent)).toBe('Visite à domicile');

    await dialog.getByLabel('Date').fill(daysAgo(2));
    await dialog.getByRole('button', { name: 'Enregistrer' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('cell', { name: 'Premier contact' }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Étapes du parcours' }).locator('[aria-current="step"]').textContent()).toBe('Diagnostic');
  });

  it('tells the person when someone else changed the case meanwhile, and offers to reload', async () => {
    const page = await newPage();
    await signIn(page, server.baseUrl, COORDINATOR);
    await page.goto(`${server.baseUrl}/dossiers/${trajectoryId}`);
    await page.getByRole('button', { name: 'Enregistrer une note' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    // Someone else records a note while the form is open.
    const res = await fetch(`${server.baseUrl}/trajectories/${trajectoryId}/commands/record-note`, {
      method: 'POST',
      headers: { ...(await testAuthHeaders(REFERENT)), 'content-type': 'application/json' },
      body: JSON.stringify({ occurredAt: daysAgo(1), personal: { text: 'Appel du bailleur' } }),
    });
    expect(res.status).toBe(200);
    await dialog.getByRole('button', { name: 'Enregistrer' }).click();
    await dialog.getByText('Quelqu’un d’autre a modifié ce dossier').waitFor();
    await dialog.getByRole('button', { name: 'Recharger le dossier' }).waitFor();
    await screenshot(page, 'conflit-modification');
  });

  it("gives the secretary the saisine form, worded in French from the command's schema", async () => {
    const page = await newPage();
    await signIn(page, server.baseUrl, SECRETARY);
    await page.getByRole('link', { name: 'Nouvelle saisine' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nouvelle saisine' }).waitFor();
    await page.getByLabel('Dispositif').waitFor();
    expect(await page.getByLabel('Type de prescripteur').locator('option').allTextContents()).toContain('Bailleur');
    // The programme's own saisine field appears once that programme is chosen, with its values.
    await page.getByLabel('Dispositif').selectOption({ label: 'Orientation bailleur (test)' });
    const own = page.getByLabel(/Orientation proposée/);
    await own.waitFor();
    expect(await own.locator('option').allTextContents()).toEqual(expect.arrayContaining(['accompagnement-social', 'fsl']));
    await screenshot(page, 'nouvelle-saisine-champs-du-dispositif');
    await page.getByLabel('Dispositif').selectOption({ label: 'ASLL Département X (test)' });
    await own.waitFor({ state: 'detached' });
    // Sent empty, it is refused on the page before anything reaches the server, field by field.
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.locator('.error-detail').first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'nouvelle-saisine');
  });

  it('shows the deadlines page with counts by kind and by referent', async () => {
    const page = await newPage();
    await signIn(page, server.baseUrl, COORDINATOR);
    await page.getByRole('link', { name: 'Échéances' }).click();
    await page.getByRole('heading', { level: 1, name: 'Échéances' }).waitFor();
    await page.getByRole('table', { name: 'Par type' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'echeances');
  });

  it('decides the statuses as of a chosen date, on the deadlines page and in the caseload', async () => {
    // A case of its own: the tests before this one move the shared case on.
    const res = await fetch(`${server.baseUrl}/trajectories`, {
      method: 'POST',
      headers: { ...(await testAuthHeaders(COORDINATOR)), 'content-type': 'application/json' },
      body: JSON.stringify(saisine(daysAgo(20))),
    });
    expect(res.status).toBe(201);
    const { trajectoryId: own } = (await res.json()) as { trajectoryId: string };
    // The pages read the read models once: wait until they show the new case (poll with a deadline).
    for (const deadline = Date.now() + 30_000; ; ) {
      const due = await fetch(`${server.baseUrl}/deadlines?trajectory=${own}`, { headers: await testAuthHeaders(COORDINATOR) });
      if (due.status === 200 && ((await due.json()) as { total: number }).total > 0) break;
      if (Date.now() > deadline) throw new Error('the new case never reached /deadlines');
      await new Promise((r) => setTimeout(r, 50));
    }
    const page = await newPage();
    await signIn(page, server.baseUrl, COORDINATOR);
    const ours = page.locator(`main a[href="/dossiers/${own}"]`);
    const frenchDate = (iso: string) => iso.split('-').reverse().join('/');
    // Received 20 days ago, first contact owed within 15 days: overdue today, due within 7 days ten days ago.
    await page.getByRole('link', { name: 'Échéances' }).click();
    await page.getByRole('table', { name: /échéances? au/ }).waitFor();
    await ours.first().waitFor();
    await page.getByLabel('À la date du').fill(daysAgo(10));
    await page.getByRole('table', { name: new RegExp(`au ${frenchDate(daysAgo(10))}`) }).waitFor();
    await ours.first().waitFor({ state: 'detached' });
    await page.getByRole('radio', { name: 'Sous 7 jours' }).check();
    await ours.first().waitFor();
    expect(new URL(page.url()).searchParams.get('asOf')).toBe(daysAgo(10));
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'echeances-a-une-date');

    await page.getByRole('link', { name: 'Dossiers' }).click();
    await page.getByLabel('Échéance').selectOption('overdue');
    await page.getByRole('table', { name: /dossiers? au/ }).waitFor();
    await ours.first().waitFor();
    await page.getByLabel('À la date du').fill(daysAgo(10));
    await page.getByRole('table', { name: new RegExp(`au ${frenchDate(daysAgo(10))}`) }).waitFor();
    await ours.first().waitFor({ state: 'detached' });
    await page.getByLabel('Échéance').selectOption('due-soon');
    await ours.first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'dossiers-a-une-date');
  });
});
