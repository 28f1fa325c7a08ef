// PGlite loads parts of itself with import(), which jest's sandbox refuses: load it outside (see the helper).
jest.mock('@electric-sql/pglite', () => jest.requireActual('../../libs/event-store/src/testing/pglite-outside-sandbox').loadPGliteModule());
import type { Browser, Locator, Page } from 'playwright-core';
import { addDays, parisDate } from '../../libs/domain/src';
import { testAuthHeaders } from '../../libs/auth/src/testing/test-tokens';
import { COORDINATOR, REFERENT, saisine } from '../e2e/support/fixtures';
import { seriousViolations } from './support/accessibility';
import { type BrowserApp, buildWebApp, HAVE_CHROMIUM, launchChromium, screenshot, signIn, startBrowserApp } from './support/browser-app';

const describeWithChromium = HAVE_CHROMIUM ? describe : describe.skip;
if (!HAVE_CHROMIUM) console.warn('SKIPPED: browser tests need /usr/bin/chromium (apt-get install -y chromium), or CHROMIUM_PATH.');

const daysAgo = (days: number) => addDays(parisDate(new Date()), -days);
const frenchDate = (iso: string) => iso.split('-').reverse().join('/');
// The referent's part is some twenty forms: on a loaded 2-core machine it takes a minute or two.
jest.setTimeout(240_000);

/**
 * The whole journey, through the screens only: the coordinator assigns a referent from the
 * caseload; the referent records the first contact, the diagnostic with its grid, the contract and
 * its signatures, a brique and a point, each through the form built from the command's schema; the
 * caseload and the deadlines show where the case stands; a refusal is read in French and a stale
 * edit offers to reload. Every page is checked with axe and photographed.
 */
describeWithChromium('a household followed from the saisine to its first point, in the browser', () => {
  let server: BrowserApp;
  let browser: Browser;
  let trajectoryId: string;
  let reference: string;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    server = await startBrowserApp(process.env.WEB_BUILD_DIR ?? buildWebApp());
    browser = await launchChromium();
    const res = await fetch(`${server.baseUrl}/trajectories`, {
      method: 'POST',
      headers: { ...(await testAuthHeaders(COORDINATOR)), 'content-type': 'application/json' },
      body: JSON.stringify(saisine(daysAgo(30))),
    });
    expect(res.status).toBe(201);
    trajectoryId = ((await res.json()) as { trajectoryId: string }).trajectoryId;
    reference = trajectoryId.slice(0, 8).toUpperCase();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  afterEach(() => {
    expect(pageErrors.splice(0)).toEqual([]);
  });

  async function newPage(): Promise<Page> {
    const context = await browser.newContext({ locale: 'fr-FR', timezoneId: 'Europe/Paris', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    return page;
  }

  async function checked(page: Page, name: string): Promise<void> {
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, name);
  }

  /** Opens an action's form on the trajectory page, lets `fill` type into it, sends it and waits for the dialog to close. */
  async function act(page: Page, action: string, fill: (dialog: Locator) => Promise<void>, shot?: string): Promise<void> {
    await page.getByRole('button', { name: action, exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await fill(dialog);
    if (shot) await checked(page, shot);
    await dialog.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
  }

  const currentStage = (page: Page) => page.getByRole('navigation', { name: 'Étapes du parcours' }).locator('[aria-current="step"]');

  async function stageIs(page: Page, stage: string): Promise<void> {
    await currentStage(page).filter({ hasText: stage }).waitFor();
  }

  it('lets the coordinator assign the referent from the caseload', async () => {
    const page = await newPage();
    await signIn(page, server.baseUrl, COORDINATOR);
    await page.getByRole('heading', { level: 1, name: 'Dossiers' }).waitFor();
    const row = page.getByRole('row').filter({ hasText: reference });
    await row.getByRole('button', { name: `Désigner le référent·e du dossier ${reference}` }).click();
    const dialog = page.getByRole('dialog', { name: 'Désigner le référent' });
    await dialog.waitFor();
    await dialog.getByLabel('Date').fill(daysAgo(29));
    await dialog.getByLabel('Référent').fill(REFERENT.id);
    await checked(page, 'dossiers-designer-referent');
    await dialog.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    // The caseload is a read model: the row shows the referent once the projection caught up (the page polls).
    await row.filter({ hasText: REFERENT.id }).waitFor();
    expect(await row.getByRole('button').textContent()).toBe('Changer');
  });

  it('lets the referent work the case through the forms: first contact, diagnostic and grid, contract, brique, point', async () => {
    const page = await newPage();
    await signIn(page, server.baseUrl, REFERENT);
    await page.getByRole('heading', { level: 1, name: 'Ma journée' }).waitFor();
    await page.getByRole('link', { name: reference }).first().click();
    await page.getByRole('heading', { level: 1, name: `Dossier ${reference}` }).waitFor();
    // The referent is not offered what only the head of service may do.
    expect(await page.getByRole('button', { name: 'Changer de référent' }).count()).toBe(0);

    await act(page, 'Enregistrer le premier contact', async (d) => {
      await d.getByLabel('Date').fill(daysAgo(28));
      await d.getByLabel('Modalité du contact').selectOption({ label: 'Visite à domicile' });
    });
    await stageIs(page, 'Diagnostic');

    const ratings = [
      ['Pouvoir louer', 'Acquis'],
      ['Savoir louer', "En cours d'acquisition"],
      ['Savoir habiter', "En cours d'acquisition"],
      ["Savoir s'adapter à son environnement", 'Acquis'],
      ['Besoin en accompagnement', 'Besoin de soutien'],
    ];
    await act(
      page,
      'Enregistrer la grille d’évaluation',
      async (d) => {
        await d.getByLabel('Date').fill(daysAgo(22));
        // The grid comes with one row per axis, in order: each gets its rating.
        for (const [i, [axis, rating]] of ratings.entries()) {
          expect(await d.getByLabel(/^Axe/).nth(i).evaluate((s) => (s as unknown as { selectedOptions: { textContent: string }[] }).selectedOptions[0]?.textContent)).toBe(axis);
          await d.getByLabel(/^Appréciation/).nth(i).selectOption({ label: rating });
        }
      },
      'formulaire-grille',
    );
    await act(page, 'Conclure le diagnostic', async (d) => {
      await d.getByLabel('Date').fill(daysAgo(20));
      await d.getByLabel('Conclusion').selectOption({ label: "Proposition d'accompagnement" });
      await d.getByLabel('Signé par le ménage').check();
    });
    await stageIs(page, 'Contrat');

    await act(
      page,
      'Rédiger le contrat',
      async (d) => {
        await d.getByLabel('Date').fill(daysAgo(18));
        await d.getByLabel('Type de mesure').fill('ASLL');
        // The list starts with one brique (at least one is required); its add button says what it adds to, in French.
        await d.getByLabel(/^Brique\*?$/).first().fill('2.1');
        await d.getByRole('button', { name: '+ Ajouter Briques prévues' }).click();
        await d.getByLabel(/^Brique\*?$/).nth(1).fill('2.5');
        await d.getByLabel('Durée (mois)').fill('6');
        await d.getByLabel('Fréquence des rencontres').selectOption({ label: 'Chaque mois' });
        await d.getByLabel('Statut d’occupation').selectOption({ label: 'Bail direct' });
      },
      'formulaire-contrat',
    );
    // No landlord on this contract: the household's and the referent's signatures start the measure.
    for (const [i, party] of ['Ménage', 'Référent·e'].entries()) {
      await act(page, 'Enregistrer une signature du contrat', async (d) => {
        await d.getByLabel('Date').fill(daysAgo(16 - i));
        await d.getByLabel('Signataire').selectOption({ label: party });
      });
    }
    await stageIs(page, 'Accompagnement (briques)');

    await act(page, 'Démarrer une brique', async (d) => {
      await d.getByLabel('Date').fill(daysAgo(12));
      await d.getByLabel(/^Brique\*?$/).fill('2.1');
    });
    await act(page, 'Enregistrer un point', async (d) => {
      await d.getByLabel('Date').fill(daysAgo(5));
      await d.getByLabel(/^Brique\*?$/).fill('2.1');
      await d.getByLabel(/^Modalité\*?$/).selectOption({ label: 'Visite à domicile' });
    });
    // The measure's whole schedule, from the API's one schedule, and the grid at the diagnostic beside the end still to come.
    const schedule = page.getByRole('table', { name: 'Toutes les échéances prévues de la mesure, par date' });
    await schedule.getByRole('cell', { name: 'Bilan', exact: true }).first().waitFor();
    await schedule.getByRole('cell', { name: 'Fin de mesure', exact: true }).waitFor();
    const grid = page.getByRole('table', { name: 'Appréciation de chaque axe au diagnostic et à la fin de la mesure' });
    expect(await grid.getByRole('row').filter({ hasText: 'Savoir louer' }).textContent()).toBe("Savoir louerEn cours d'acquisitionÀ venir");
    for (const event of ['Premier contact', "Grille d'évaluation", 'Conclusion du diagnostic', 'Signature du contrat', 'Brique commencée', 'Point']) {
      await page.getByRole('cell', { name: event, exact: true }).first().waitFor();
    }
    await checked(page, 'dossier-briques');
  });

  it('shows a refused point in French, keeping what was typed, with what may be done instead', async () => {
    const page = await newPage();
    await signIn(page, server.baseUrl, REFERENT);
    await page.goto(`${server.baseUrl}/dossiers/${trajectoryId}`);
    await page.getByRole('button', { name: 'Enregistrer un point', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Date').fill(daysAgo(4));
    // 2.5 is planned in the contract but was never started.
    await dialog.getByLabel(/^Brique\*?$/).fill('2.5');
    await dialog.getByLabel(/^Modalité\*?$/).selectOption({ label: 'Téléphone' });
    await dialog.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    const alert = dialog.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Cette brique n’est pas en cours.');
    expect(await alert.textContent()).toContain('Actions possibles maintenant');
    expect(await dialog.getByLabel(/^Brique\*?$/).inputValue()).toBe('2.5');
    await checked(page, 'refus-point');
  });

  it('says when someone else changed the case meanwhile, and reloads it on request', async () => {
    const page = await newPage();
    await signIn(page, server.baseUrl, REFERENT);
    await page.goto(`${server.baseUrl}/dossiers/${trajectoryId}`);
    await page.getByRole('button', { name: 'Enregistrer une note', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    const res = await fetch(`${server.baseUrl}/trajectories/${trajectoryId}/commands/record-note`, {
      method: 'POST',
      headers: { ...(await testAuthHeaders(COORDINATOR)), 'content-type': 'application/json' },
      body: JSON.stringify({ occurredAt: daysAgo(1), personal: { text: 'Appel du bailleur' } }),
    });
    expect(res.status).toBe(200);
    await dialog.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await dialog.getByText('Quelqu’un d’autre a modifié ce dossier').waitFor();
    await checked(page, 'conflit-note');
    await dialog.getByRole('button', { name: 'Recharger le dossier' }).click();
    await page.getByRole('cell', { name: 'Note', exact: true }).waitFor();
  });

  it('puts the grid at the diagnostic and at the end side by side once the final evaluation is recorded', async () => {
    const headers = { ...(await testAuthHeaders(COORDINATOR)), 'content-type': 'application/json' };
    const post = async (path: string, body: Record<string, unknown>) => {
      const res = await fetch(`${server.baseUrl}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
      expect([res.status, path]).toEqual([path === '/trajectories' ? 201 : 200, path]);
      return (await res.json()) as { trajectoryId: string };
    };
    const { trajectoryId: id } = await post('/trajectories', saisine(daysAgo(300)));
    const run = (command: string, days: number, body: Record<string, unknown> = {}) => post(`/trajectories/${id}/commands/${command}`, { occurredAt: daysAgo(days), ...body });
    const atStart = [
      { axis: 'pouvoir-louer', rating: 'in-progress' },
      { axis: 'savoir-louer', rating: 'needs-support' },
      { axis: 'savoir-habiter', rating: 'in-progress' },
      { axis: 'savoir-s-adapter', rating: 'acquired' },
      { axis: 'besoin-accompagnement', rating: 'needs-support' },
    ];
    await run('assign-referent', 299, { referentId: REFERENT.id });
    await run('record-first-contact', 295, { mode: 'office' });
    await run('record-evaluation-grid', 290, { ratings: atStart });
    await run('conclude-diagnostic', 288, { outcome: 'propose-accompaniment', householdSigned: true });
    await run('draft-contract', 286, { measureType: 'ASLL', briques: ['2.1'], durationMonths: 6, meetingFrequency: 'monthly', occupancyStatus: 'direct-lease' });
    await run('sign-contract', 285, { party: 'household' });
    await run('sign-contract', 285, { party: 'referent' });
    await run('start-brique', 284, { code: '2.1' });
    // Before the measure's end (six months after the last signature): later, it is refused as measure-ended.
    await run('start-evaluation', 110);
    await run('record-final-evaluation', 105, {
      ratings: atStart.map((r) => ({ ...r, rating: 'acquired' })),
      objectives: [],
      endReason: 'maintained',
      householdSigned: true,
    });
    const page = await newPage();
    await signIn(page, server.baseUrl, COORDINATOR);
    await page.goto(`${server.baseUrl}/dossiers/${id}`);
    const grid = page.getByRole('table', { name: 'Appréciation de chaque axe au diagnostic et à la fin de la mesure' });
    await grid.waitFor();
    expect(await grid.getByRole('columnheader').allTextContents()).toEqual(['Axe', `Au diagnostic (${frenchDate(daysAgo(290))})`, `À la fin (${frenchDate(daysAgo(105))})`]);
    expect(await grid.getByRole('row').filter({ hasText: 'Savoir louer' }).textContent()).toBe('Savoir louerBesoin de soutienAcquis');
    await checked(page, 'dossier-grille-avant-apres');
  });

  it("offers the programmes the API lists on the saisine form, by title, and the motives as checkboxes", async () => {
    const programmes = (await (await fetch(`${server.baseUrl}/programmes`, { headers: await testAuthHeaders(COORDINATOR) })).json()) as { programmes: { code: string; title: string }[] };
    expect(programmes.programmes.length).toBeGreaterThan(0);
    const page = await newPage();
    await signIn(page, server.baseUrl, COORDINATOR);
    await page.getByRole('link', { name: 'Nouvelle saisine' }).click();
    const programme = page.getByRole('combobox', { name: /^Dispositif/ });
    await programme.waitFor();
    expect(await programme.locator('option').allTextContents()).toEqual(expect.arrayContaining(programmes.programmes.map((p) => p.title)));
    await page.getByRole('checkbox', { name: 'Impayés de loyer' }).check();
    expect(await page.getByRole('checkbox', { name: 'Impayés de loyer' }).isChecked()).toBe(true);
  });

  it('shows where the case stands on the caseload and the deadlines pages', async () => {
    const page = await newPage();
    await signIn(page, server.baseUrl, COORDINATOR);
    const row = page.getByRole('row').filter({ hasText: reference });
    await row.filter({ hasText: 'Accompagnement (briques)' }).filter({ hasText: REFERENT.id }).waitFor();
    await checked(page, 'dossiers-apres-parcours');

    await page.getByRole('link', { name: 'Échéances' }).click();
    await page.getByRole('heading', { level: 1, name: 'Échéances' }).waitFor();
    await page.getByRole('radio', { name: 'À venir' }).check();
    const due = page.getByRole('row').filter({ hasText: reference });
    await due.first().waitFor();
    expect(await due.allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('Bilan')]));
    await checked(page, 'echeances-apres-parcours');
  });
});
