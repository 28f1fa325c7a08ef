/** Calendar dates as people here write them: dd/mm/yyyy. A business date (YYYY-MM-DD) is already a Paris calendar date. */
export function formatDate(isoDate: string | null | undefined): string {
  if (!isoDate) return '—';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate.slice(0, 10));
  return m ? `${m[3]}/${m[2]}/${m[1]}` : isoDate;
}

const PARIS_DATE_TIME = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'Europe/Paris',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/** An instant (recordedAt) shown in Paris time: 05/01/2026 10:32. */
export function formatInstant(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : PARIS_DATE_TIME.format(date).replace(',', '');
}

const EUROS = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' });

/** Amounts in euros, from integer cents. */
export function formatEurosFromCents(cents: number): string {
  return EUROS.format(cents / 100);
}
