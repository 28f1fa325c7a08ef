/** Counts as the API gives them: a number, or "<5" when the API masked it (it is never recomputed here). */
export type ShownCount = number | '<5';

const INTEGER = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });
const PERCENT = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1, minimumFractionDigits: 0 });

export function formatCount(value: ShownCount | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return value === '<5' ? '<5' : INTEGER.format(value);
}

export function formatPercent(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : `${PERCENT.format(value)} %`;
}

export function formatShare(share: number): string {
  return `${PERCENT.format(share * 100)} %`;
}
