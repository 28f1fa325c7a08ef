/**
 * CSV for spreadsheet users in France: UTF-8 with a byte-order mark (without it Excel reads the
 * file as Windows-1252 and mangles accents), semicolon separators and decimal commas (what Excel
 * and LibreOffice expect in a fr-FR locale), CRLF line ends (RFC 4180), and a field quoted when it
 * holds a separator, a quote or a line break.
 */
export const CSV_SEPARATOR = ';';
export const CSV_BOM = '\uFEFF';

export type CsvCell = string | number | boolean | null | undefined;

function cell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  // A leading = + - @ makes a spreadsheet evaluate the cell as a formula: neutralise it (OWASP CSV
  // injection). Numbers we formatted ourselves ("-12,50") are left alone.
  const safe = typeof value === 'string' && /^[=+\-@\t\r]/.test(text) && !/^-\d+(,\d+)?$/.test(text) ? `'${text}` : text;
  return /[";\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const lines = [header, ...rows].map((r) => r.map(cell).join(CSV_SEPARATOR));
  return CSV_BOM + lines.join('\r\n') + '\r\n';
}

/** 1234.5 -> "1234,5"; the fr-FR decimal separator. */
export function decimal(n: number | null | undefined, digits?: number): string {
  if (n === null || n === undefined) return '';
  return (digits === undefined ? String(n) : n.toFixed(digits)).replace('.', ',');
}
