import { printable } from '../text/characters.ts';

type Cell = string | number | boolean | null | undefined;

export interface CsvOptions {
  /** `;` by default: Italian Excel reads it as the column separator. */
  separator?: string;
  /** A byte order mark, so Excel reads the file as UTF-8 (accents, €). */
  bom?: boolean;
}

/**
 * One cell: quoted when it holds the separator, a quote or a line break; a leading
 * `= + - @` is neutralised with an apostrophe so a spreadsheet never runs it as a formula,
 * except a phone number the server wrote itself (`+39` and digits: a number, never a
 * formula, and an apostrophe would show in the cell). Control characters are made visible.
 */
export function csvCell(value: Cell, separator = ';'): string {
  let text = value === null || value === undefined ? '' : printable(String(value), true);
  if (/^[=+\-@\t\r]/.test(text) && !/^\+\d{6,15}$/.test(text)) text = `'${text}`;
  return text.includes(separator) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows (the header first) as a CSV document: `;`, CRLF lines, a BOM unless told otherwise. */
export function csvDocument(rows: Cell[][], options: CsvOptions = {}): string {
  const sep = options.separator ?? ';';
  const lines = rows.map((row) => row.map((cell) => csvCell(cell, sep)).join(sep));
  return (options.bom === false ? '' : '\uFEFF') + lines.join('\r\n') + '\r\n';
}
