import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBriqueRegistry } from '../../briques/src';
import { CATALOGUE_DIR, loadProgrammeRegistry, loadProgrammes, ProgrammeFileError } from './programme.loader';

function dirWith(files: Record<string, unknown>): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'programmes-')), 'programmes');
  mkdirSync(dir);
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), typeof content === 'string' ? content : JSON.stringify(content));
  return dir;
}

describe('loadProgrammes', () => {
  it('loads the shipped catalogue, checked against the brique catalogue', () => {
    const briques = createBriqueRegistry();
    const registry = loadProgrammeRegistry(CATALOGUE_DIR, { isKnownBrique: (c) => briques.has(c) });
    expect(registry.all().map((p) => p.code)).toEqual(['asll-departement-x', 'avdl-generic']);
    expect(registry.get('asll-departement-x')).toMatchObject({
      firstContactDays: 15,
      diagnosticDays: 45,
      durationMonths: 6,
      renewals: { count: 2, months: 6 },
      bilanEveryMonths: 3,
      pointEveryMonths: 1,
      pricing: { perDiagnostic: 150, perMonth: 190 },
      yearlyCap: 40000,
      funderShares: [
        { funder: 'departement-x', share: 0.6 },
        { funder: 'caf', share: 0.4 },
      ],
    });
  });

  it('names the file and the field of an invalid programme', () => {
    const shipped = loadProgrammes(CATALOGUE_DIR)[0];
    const dir = dirWith({ 'asll-x.json': { ...shipped, code: 'asll-x', pricing: { perMonth: 0 } } });
    expect(() => loadProgrammes(dir)).toThrow(new ProgrammeFileError('programmes/asll-x.json', 'pricing.perMonth', 'must be a positive number'));
    expect(() => loadProgrammes(dir)).toThrow('programmes/asll-x.json: pricing.perMonth must be a positive number');
  });

  it('names a file that is not JSON', () => {
    expect(() => loadProgrammes(dirWith({ 'broken.json': '{ nope' }))).toThrow(/^programmes\/broken\.json: is not valid JSON/);
  });

  it('refuses two files with the same code', () => {
    const shipped = loadProgrammes(CATALOGUE_DIR)[0];
    expect(() => loadProgrammes(dirWith({ 'a.json': shipped, 'b.json': shipped }))).toThrow('programmes/b.json: code repeats "asll-departement-x", already defined in programmes/a.json');
  });

  it('ignores files that are not JSON', () => {
    expect(loadProgrammes(dirWith({ 'README.md': '# notes' }))).toEqual([]);
  });
});
