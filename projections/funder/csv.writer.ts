/**
 * CSV for spreadsheet users in France: UTF-8 with a byte-order mark (without it Excel reads the
 * file as Windows-1252 and mangles accents), semicolon separators (Excel fr-FR splits on ';'), CRLF
 * line ends (RFC 4180) and every field quoted when it holds a separator, a quote or a line break.
 */
export const CSV_SEPARATOR = ';';
export const CSV_BOM = '\uFEFF';

export type CsvCell = string | number | boolean | null | undefined;

function cell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  // A leading = + - @ makes a spreadsheet evaluate the cell as a formula: neutralise it (OWASP CSV injection).
  const safe = /^[=+\-@\t\r]/.test(text) && typeof value === 'string' ? `'${text}` : text;
  return /[";\r\n,]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const lines = [header, ...rows].map((r) => r.map(cell).join(CSV_SEPARATOR));
  return CSV_BOM + lines.join('\r\n') + '\r\n';
}
