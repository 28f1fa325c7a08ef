/**
 * Reads CSV bytes the way Excel or LibreOffice do for a fr-FR user opening the file: UTF-8 when the
 * file starts with a BOM (otherwise the test fails: they would guess Windows-1252), ';' between
 * fields, '"' quoting with doubled quotes, records ending in CRLF (line breaks inside quotes kept).
 */
export function parseSpreadsheetCsv(bytes: Buffer): { header: string[]; rows: string[][] } {
  if (!(bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)) throw new Error('no UTF-8 BOM: a spreadsheet would read this file as Windows-1252');
  const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(3));
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ';') {
      record.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i++;
    } else if (ch === '"') throw new Error(`stray quote in an unquoted field at ${i}`);
    else field += ch;
  }
  if (quoted) throw new Error('unterminated quoted field');
  if (field !== '' || record.length > 0) throw new Error('last record does not end with CRLF');
  const [header, ...rows] = records;
  return { header, rows };
}
