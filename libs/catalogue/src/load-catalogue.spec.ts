import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CATALOGUE_DIR } from '../../../workflows/programmes/src';
import { CatalogueError } from './catalogue-error';
import { loadCatalogue } from './load-catalogue';

describe('the shared catalogue loader (API, worker, CLI)', () => {
  let dir: string;
  const shipped = JSON.parse(readFileSync(join(CATALOGUE_DIR, 'avdl-generic.json'), 'utf8')) as Record<string, unknown>;
  const write = (file: string, content: unknown) => {
    mkdirSync(join(dir, 'briques'), { recursive: true });
    writeFileSync(join(dir, file), typeof content === 'string' ? content : JSON.stringify(content));
  };
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'catalogue-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('loads a brique declared in JSON in briques/ and a programme that allows it, in several stages', async () => {
    write('briques/pre-attribution.json', {
      code: 'pre-attribution',
      group: 'association',
      title: 'Accompagnement avant la commission d’attribution',
      cadence: 'monthly',
      dataSchema: { committeeOn: { type: 'date', required: true } },
    });
    write('mine.json', { ...shipped, code: 'avdl-lyon', allowedBriques: ['2.1', 'pre-attribution'], briqueStages: { 'pre-attribution': ['diagnostic', 'contract', 'briques'] } });
    const catalogue = await loadCatalogue(dir);
    expect(catalogue.briques.get('pre-attribution')).toMatchObject({ group: 'association', cadence: 'monthly', dataSchema: { committeeOn: { type: 'date' } } });
    expect(Object.isFrozen(catalogue.briques.get('pre-attribution'))).toBe(true);
    expect(catalogue.programmes.get('avdl-lyon')?.briqueStages).toEqual({ 'pre-attribution': ['diagnostic', 'contract', 'briques'] });
  });

  it('loads the shipped example programme with its JSON briques', async () => {
    const example = join(__dirname, '..', '..', '..', 'workflows', 'programmes', 'examples', 'national-pre-lease');
    const catalogue = await loadCatalogue(example);
    expect(catalogue.briques.get('suivi-renforce')?.cadence).toBe('monthly');
    expect(catalogue.programmes.get('logement-d-abord-national')).toMatchObject({ maxDurationMonths: 12, delays: { diagnostic: { months: 2 } } });
    expect(catalogue.programmes.get('logement-d-abord-national')?.pointCadences?.map((c) => c.code)).toHaveLength(7);
  });

  it('loads compiled plugins: exported definitions or a function given defineBrique', async () => {
    write('briques/sante.js', "module.exports = { briques: [{ code: 'acces-sante', group: 'association', title: 'Accès aux soins', cadence: 'monthly' }] };");
    write('briques/remob.cjs', "module.exports = ({ defineBrique }) => [defineBrique({ code: 'remob', group: 'association', title: 'Remobilisation', cadence: 'once', dataSchema: (d) => (d && d.n === 1 ? [] : [{ field: 'details.n', reason: 'must be 1' }]) })];");
    const catalogue = await loadCatalogue(dir);
    expect(catalogue.briques.get('acces-sante')?.cadence).toBe('monthly');
    expect(typeof catalogue.briques.get('remob')?.dataSchema).toBe('function');
  });

  it('refuses a bad descriptor with the file, the path and the reason, in English and French', async () => {
    write('briques/bad.json', { code: 'visites', group: 'association', title: 'Visites', cadence: 'monthly', dataSchema: { visits: { type: 'integer' } } });
    const failure = loadCatalogue(dir);
    await expect(failure).rejects.toThrow(CatalogueError);
    await expect(failure).rejects.toThrow(
      'briques/bad.json: dataSchema.visits.type must be one of string, number, boolean, date, enum — briques/bad.json : dataSchema.visits.type doit valoir string, number, boolean, date, enum',
    );
    write('briques/bad.json', { code: 'visites', group: 'association', title: 'Visites', cadence: 'weekly', colour: 'red' });
    await expect(loadCatalogue(dir)).rejects.toThrow(
      "briques/bad.json: colour is not a brique field (and 1 more: cadence) — briques/bad.json : colour n'est pas un champ de brique (et 1 autre(s) : cadence)",
    );
    write('briques/bad.json', '{ nope');
    await expect(loadCatalogue(dir)).rejects.toThrow(/^briques\/bad\.json: is not valid JSON .* — briques\/bad\.json : n'est pas du JSON valide/);
    write('briques/bad.json', { code: '2.1', group: 'x', title: 'y', cadence: 'once' });
    await expect(loadCatalogue(dir)).rejects.toThrow(/repeats "2\.1", already a brique of the catalogue/);
    rmSync(join(dir, 'briques', 'bad.json'));
    write('briques/mine.ts', 'export const x = 1;');
    await expect(loadCatalogue(dir)).rejects.toThrow(/briques\/mine\.ts: is TypeScript: compile it to \.js/);
  });

  it('refuses a programme naming a brique no file declares, and a bad cadence, with the field', async () => {
    write('mine.json', { ...shipped, code: 'avdl-lyon', allowedBriques: ['2.1', 'pre-attribution'] });
    await expect(loadCatalogue(dir)).rejects.toThrow('invalid programme file');
    await expect(loadCatalogue(dir)).rejects.toThrow(/mine\.json: allowedBriques\.1 is not a registered brique \(pre-attribution\)/);
    write('mine.json', { ...shipped, code: 'avdl-lyon', pointCadences: [{ code: 'weekly', title: 'Hebdo', per: { fortnights: 1 } }] });
    await expect(loadCatalogue(dir)).rejects.toThrow(
      'mine.json: pointCadences.0.per must have exactly one of days, weeks, months — invalid programme file catalogue-',
    );
  });
});
