import { VOCABULARY_LABELS_FR } from '../../../../workflows/trajectory/src/vocabulary/vocabulary-labels.fr';

/** The funders' and auditors' pages in French: unit kinds, feed kinds, figures. Codes not listed show as they are. */

export const UNIT_KIND_LABELS: Record<string, string> = {
  diagnostic: 'Diagnostics conclus',
  'month-measure': 'Mois-mesures',
  measure: 'Mesures',
  'dwelling-year': 'Logements-années',
};

export const FEED_KIND_LABELS: Record<string, string> = {
  'saisine-received': 'Saisine reçue',
  'diagnostic-concluded': 'Diagnostic conclu',
  'measure-started': 'Mesure commencée',
  'month-measure-counted': 'Mois-mesure compté',
  'bilan-recorded': 'Bilan',
  'measure-renewed': 'Mesure renouvelée',
  'measure-suspended': 'Mesure suspendue',
  'measure-resumed': 'Mesure reprise',
  'measure-ended': 'Mesure terminée',
  'relais-confirmed': 'Relais confirmé',
  'trajectory-closed': 'Dossier clôturé',
};

export const PLANNED_LABELS: Record<string, string> = {
  diagnostics: 'Diagnostics',
  measures: 'Mesures',
  monthMeasures: 'Mois-mesures',
  dwellingYears: 'Logements-années',
};

/** Which consumption line kind each planned volume is compared with. */
export const PLANNED_KIND: Record<string, string> = {
  diagnostics: 'diagnostic',
  measures: 'measure',
  monthMeasures: 'month-measure',
  dwellingYears: 'dwelling-year',
};

export const END_REASON_LABELS: Record<string, string> = { ...VOCABULARY_LABELS_FR, unspecified: 'Non précisé' };

export const ACCESS_RESOURCE_LABELS: Record<string, string> = {
  trajectory: 'Dossier',
  history: 'Historique complet',
  'household-export': 'Export du ménage',
};

export const STORAGE_PROBLEM_LABELS: Record<string, string> = {
  'orphan-events': 'Événements hors de tout flux',
  'version-gap': 'Version manquante',
  'duplicate-position': 'Deux événements à la même position',
  'duplicate-event-id': "Deux événements de même identifiant",
  'head-mismatch': 'Tête de flux sans son dernier événement',
};

export const BREAK_REASON_LABELS: Record<string, string> = {
  'hash-mismatch': "Le contenu (ou le précédent) n'est plus celui qui a été scellé",
  'out-of-sequence': 'La version ne suit pas la précédente',
};

export const MONTH_NAMES = ['janv.', 'févr.', 'mars', 'avr.', 'mai', 'juin', 'juil.', 'août', 'sept.', 'oct.', 'nov.', 'déc.'];

export function vocabulary(code: string | null | undefined): string {
  if (!code) return '—';
  return VOCABULARY_LABELS_FR[code] ?? code;
}

/** "2026-03" → "mars 2026". */
export function monthLabel(month: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  return m ? `${MONTH_NAMES[Number(m[2]) - 1]} ${m[1]}` : month;
}
