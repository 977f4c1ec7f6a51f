// CSV that opens cleanly in Excel: UTF-8 with a byte-order mark (so accents survive), CRLF
// line ends, fields quoted when they need it, UK dates (dd/MM/yyyy), and no cell that a
// spreadsheet would run as a formula.
import { format, parseISO } from 'date-fns';

export type CsvValue = string | number | null;

/** An ISO date (yyyy-MM-dd) as Excel in the UK reads it: 19/02/2014. */
export function ukCsvDate(iso: string | null): string {
  return iso ? format(parseISO(iso), 'dd/MM/yyyy') : '';
}

/** One CSV cell: quoted when needed, and never read by a spreadsheet as a formula. */
export function csvCell(value: CsvValue): string {
  let text = value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A header row and data rows as one CSV document, BOM first, every line ended by CRLF. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return `\uFEFF${[header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
