import * as z from 'zod/mini';

/**
 * How a CSV file is written. The default opens correctly in Finnish-locale Excel and in
 * LibreOffice: ";" between fields and a decimal comma (Finnish Excel reads "," as a decimal
 * separator). The other is for tools that expect "," and a decimal point.
 */
export const CSV_FORMATS = ['fi', 'international'] as const;
export type CsvFormat = (typeof CSV_FORMATS)[number];
export const csvFormat = z._default(z.enum(CSV_FORMATS), 'fi');

export function csvDelimiter(format: CsvFormat): string {
  return format === 'fi' ? ';' : ',';
}

/** A share or rate with three decimals, in the file's decimal style. */
export function decimal(value: number, format: CsvFormat): string {
  const text = value.toFixed(3);
  return format === 'fi' ? text.replace('.', ',') : text;
}

const FORMULA_START = new Set(['=', '+', '-', '@', '\t', '\r'].map((c) => c.charCodeAt(0)));

/**
 * A text cell that a spreadsheet would run as a formula (=, +, -, @, tab, carriage return at
 * the start) gets an apostrophe in front, which spreadsheets show as text (OWASP's advice).
 */
export function neutralised(text: string): string {
  return FORMULA_START.has(text.charCodeAt(0)) ? `'${text}` : text;
}

