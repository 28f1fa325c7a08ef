import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CATALOGUE_DIR } from '../../../../workflows/programmes/src';
import { StartupError } from '../startup/startup-error';
import { loadCatalogue } from './load-catalogue';

describe('loading the programme catalogue at start-up', () => {
  let dir: string;
  const shipped = JSON.parse(readFileSync(join(CATALOGUE_DIR, 'avdl-generic.json'), 'utf8')) as Record<string, unknown>;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'programmes-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('loads the shipped programmes and the national briques', async () => {
    const catalogue = await loadCatalogue();
    expect(catalogue.programmes.all().length).toBeGreaterThan(0);
    expect(catalogue.briques.has('2.1')).toBe(true);
  });

  it('adds the programmes of PROGRAMMES_DIR', async () => {
    writeFileSync(join(dir, 'mine.json'), JSON.stringify({ ...shipped, code: 'avdl-lyon', title: 'AVDL Lyon' }));
    const catalogue = await loadCatalogue(dir);
    expect(catalogue.programmes.get('avdl-lyon')?.title).toBe('AVDL Lyon');
  });

  it('stops on an invalid file, naming the file and the field', async () => {
    writeFileSync(join(dir, 'broken.json'), JSON.stringify({ ...shipped, code: 'avdl-lyon', durationMonths: 'six' }));
    const failure = loadCatalogue(dir);
    await expect(failure).rejects.toThrow(StartupError);
    await expect(failure).rejects.toThrow(/broken\.json: durationMonths/);
  });

  it('stops on a file that is not JSON, a repeated code, or a missing directory', async () => {
    writeFileSync(join(dir, 'a.json'), '{ nope');
    await expect(loadCatalogue(dir)).rejects.toThrow(/a\.json: is not valid JSON/);
    rmSync(join(dir, 'a.json'));
    writeFileSync(join(dir, 'b.json'), JSON.stringify(shipped));
    await expect(loadCatalogue(dir)).rejects.toThrow(/already in the shipped catalogue/);
    await expect(loadCatalogue(join(dir, 'missing'))).rejects.toThrow(/PROGRAMMES_DIR .* is not a directory/);
  });
});
