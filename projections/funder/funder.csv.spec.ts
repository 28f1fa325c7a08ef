import { computeConsumption } from './consumption.calculator';
import { toCsv } from './csv.writer';
import { computeDashboard } from './dashboard.calculator';
import { consumptionCsv, dashboardCsv, reportCsv } from './funder.csv';
import { computeYearlyReport } from './report.calculator';
import { CONVENTION, factsOf, scenario } from './testing/funder-fixtures';
import { parseSpreadsheetCsv } from './testing/spreadsheet-csv.parser';

const TODAY = '2026-06-15';
const { t1, t2, t3, t4 } = scenario();
const facts = [t1, t2, t3, t4].map((j) => factsOf(j.recorded()));

describe('funder CSV, read as a spreadsheet would', () => {
  it('writes UTF-8 with a BOM, a header row, semicolons, CRLF and quotes where needed', () => {
    const bytes = Buffer.from(consumptionCsv(computeConsumption(CONVENTION, facts, 2026, TODAY)), 'utf8');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const table = parseSpreadsheetCsv(bytes);
    // Integer euro cents, as in the JSON answers; the headers name the unit.
    expect(table.header).toEqual(['Rubrique', 'Libellé', 'Quantité', "Prix unitaire (centimes d'euro)", "Montant (centimes d'euro)"]);
    const byLabel = Object.fromEntries(table.rows.map((r) => [r[1], r]));
    expect(byLabel['Diagnostics']).toEqual(['Consommation', 'Diagnostics', '3', '15000', '45000']);
    expect(byLabel['Mois-mesures']).toEqual(['Consommation', 'Mois-mesures', '9', '19000', '171000']);
    // A label holding quotes comes back intact (it was quoted and its quotes doubled).
    expect(byLabel['Mesures (barème "standard")']).toEqual(['Consommation', 'Mesures (barème "standard")', '1', '50000', '50000']);
    expect(byLabel['Logements-années'][2]).toBe('2');
    expect(byLabel['Part de departement-x (60 %)'][4]).toBe('159600');
    expect(byLabel['Part de caf-x (40 %)'][4]).toBe('106400');
    expect(table.rows.find((r) => r[0] === 'Total')?.[4]).toBe('266000');
    expect(table.rows.every((r) => r.length === table.header.length)).toBe(true);
  });

  it('keeps separators, line breaks and quotes inside a field, and neutralises formulas', () => {
    const csv = toCsv(['a', 'b'], [['x;y', 'deux\r\nlignes'], ['=SUM(A1)', '-12,50'], ['dit "non"', 'Élodie']]);
    const table = parseSpreadsheetCsv(Buffer.from(csv, 'utf8'));
    expect(table.rows).toEqual([
      ['x;y', 'deux\r\nlignes'],
      ["'=SUM(A1)", '-12,50'],
      ['dit "non"', 'Élodie'],
    ]);
  });

  it('writes the monthly dashboard and the yearly report with accents intact', () => {
    const dashboard = parseSpreadsheetCsv(Buffer.from(dashboardCsv(computeDashboard(CONVENTION, facts, '2026-03', TODAY)), 'utf8'));
    expect(dashboard.header).toEqual(['Indicateur – 2026-03', 'Détail', 'Valeur']);
    expect(dashboard.rows).toContainEqual(['Saisines reçues', '', '1']);
    expect(dashboard.rows).toContainEqual(['Mois-mesures', '', '2']);
    expect(dashboard.rows).toContainEqual(["Montant consommé ce mois (centimes d'euro)", '', '53000']);
    expect(dashboard.rows).toContainEqual(["Montant consommé depuis le début de l'année (centimes d'euro)", '', '190000']);

    const report = parseSpreadsheetCsv(Buffer.from(reportCsv(computeYearlyReport(CONVENTION, facts, 2026, TODAY)), 'utf8'));
    expect(report.header).toEqual(['Rubrique – 2026', 'Catégorie', 'Effectif', 'Part (%)']);
    expect(report.rows).toContainEqual(['Ménages', 'reçus', '<5', '']);
    expect(report.rows).toContainEqual(['Ménages', 'diagnostiqués', '<5', '']);
    expect(report.rows.every((r) => r.length === 4)).toBe(true);
  });
});
