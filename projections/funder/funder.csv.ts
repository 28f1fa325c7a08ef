import type { Consumption, ConsumptionLine } from './consumption.calculator';
import { decimal, toCsv, type CsvCell } from './csv.writer';
import type { MonthlyDashboard } from './dashboard.calculator';
import type { MaskedShare, YearlyReport } from './report.calculator';

/** Labels are in French: these files go to funders' staff, who open them in a spreadsheet. */
const UNIT_LABELS: Record<ConsumptionLine['kind'], string> = {
  diagnostic: 'Diagnostics',
  'month-measure': 'Mois-mesures',
  measure: 'Mesures',
  'dwelling-year': 'Logements-années',
};

function lineLabel(l: ConsumptionLine): string {
  return l.kind === 'measure' && l.scale ? `${UNIT_LABELS.measure} (barème "${l.scale}")` : UNIT_LABELS[l.kind];
}

/**
 * Amounts are integer euro cents, as in the JSON answers (one unit across the API), and each
 * header says so: a spreadsheet user divides by 100, no one guesses.
 */
const CENTS = "centimes d'euro";

export function consumptionCsv(c: Consumption): string {
  const rows: CsvCell[][] = c.lines.map((l) => ['Consommation', lineLabel(l), l.quantity, l.unitPriceCents, l.amountCents]);
  rows.push(['Total', `Convention ${c.conventionId} – ${c.programme} – ${c.year}`, '', '', c.totalCents]);
  rows.push(['Plafond', 'Plafond annuel', '', '', c.capCents]);
  rows.push(['Plafond', 'Reste disponible', '', '', c.remainingCents]);
  rows.push(['Plafond', 'Taux de consommation (%)', '', '', decimal(c.usedPercent)]);
  rows.push(['Plafond', 'Plafond atteint', '', '', c.capReached ? 'oui' : 'non']);
  for (const s of c.funderShares) rows.push(['Répartition', `Part de ${s.funder} (${decimal(Math.round(s.share * 1000) / 10)} %)`, '', '', s.amountCents]);
  return toCsv(['Rubrique', 'Libellé', 'Quantité', `Prix unitaire (${CENTS})`, `Montant (${CENTS})`], rows);
}

export function dashboardCsv(d: MonthlyDashboard): string {
  const rows: CsvCell[][] = [
    ['Saisines reçues', '', d.saisinesReceived],
    ['Diagnostics commencés', '', d.diagnosticsStarted],
    ['Diagnostics conclus', '', d.diagnosticsConcluded],
    ['Mesures actives', '', d.measuresActive],
    ['Mois-mesures', '', d.monthMeasures],
    ...Object.entries(d.closuresByEndReason).map(([reason, n]): CsvCell[] => ['Clôtures par motif', reason, n]),
    [`Montant consommé ce mois (${CENTS})`, '', d.amountThisMonthCents],
    [`Montant consommé depuis le début de l'année (${CENTS})`, '', d.yearToDate.totalCents],
    [`Plafond annuel (${CENTS})`, '', d.yearToDate.capCents],
    [`Reste disponible (${CENTS})`, '', d.yearToDate.remainingCents],
    ['Plafond atteint', '', d.yearToDate.capReached ? 'oui' : 'non'],
    ...d.volumes.flatMap((v): CsvCell[][] => [
      [`Volume prévu – ${VOLUME_LABELS[v.volume]}`, '', v.planned ?? ''],
      [`Volume réalisé depuis le début de l'année – ${VOLUME_LABELS[v.volume]}`, '', v.actualYearToDate],
    ]),
    ...d.saisineFields.map((f): CsvCell[] => [`Saisines – ${f.field}`, f.value, f.count]),
  ];
  return toCsv([`Indicateur – ${d.month}`, 'Détail', 'Valeur'], rows);
}

const VOLUME_LABELS: Record<MonthlyDashboard['volumes'][number]['volume'], string> = {
  diagnostics: 'diagnostics',
  measures: 'mesures',
  monthMeasures: 'mois-mesures',
  dwellingYears: 'logements-années',
};

function shareRows(section: string, shares: readonly MaskedShare[]): CsvCell[][] {
  return shares.map((s) => [section, s.category, s.count, decimal(s.percent)]);
}

export function reportCsv(r: YearlyReport): string {
  const rows: CsvCell[][] = [
    ['Ménages', 'reçus', r.households.received, ''],
    ['Ménages', 'diagnostiqués', r.households.diagnosed, ''],
    ['Ménages', 'accompagnés', r.households.accompanied, ''],
    ['Ménages', "ensemble de l'année", r.households.population, ''],
    ['Sorties', 'relogés', r.outcomes.housed, ''],
    ['Sorties', 'maintenus dans le logement', r.outcomes.maintained, ''],
    ['Sorties', 'abandons', r.outcomes.abandoned, ''],
    ['Durée moyenne', 'mesures terminées', r.averageDuration.measures, ''],
    ['Durée moyenne', 'jours', decimal(r.averageDuration.days), ''],
    ['Durée moyenne', 'mois', decimal(r.averageDuration.months), ''],
    ...shareRows('Composition du ménage', r.profile.composition),
    ...shareRows('Ressources', r.profile.resources),
    ...shareRows("Tranche d'âge", r.profile.ageBand),
    ...shareRows('Genre de la personne de référence', r.profile.gender),
    ...shareRows('Briques', r.briques),
    ['Grille', 'évaluations finales', r.gridProgress.evaluated, ''],
    ...r.gridProgress.axes.flatMap((a): CsvCell[][] => [
      [`Grille – ${a.axis}`, 'progression', a.improved, ''],
      [`Grille – ${a.axis}`, 'stable', a.unchanged, ''],
      [`Grille – ${a.axis}`, 'régression', a.worsened, ''],
    ]),
    ...r.saisineFields.flatMap((f) => shareRows(`Saisine – ${f.field}`, f.shares)),
  ];
  return toCsv([`Rubrique – ${r.year}`, 'Catégorie', 'Effectif', 'Part (%)'], rows);
}
