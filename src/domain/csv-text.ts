import Papa from 'papaparse';
import { csvDelimiter, type CsvFormat } from './csv-cells';

// Apart from csv-cells.ts, which the coordinator's page imports: Papa Parse stays on the server.

/** Put first in every file: the byte order mark by which Excel reads the file as UTF-8. */
export const CSV_START = '\ufeff';

/**
 * Rows as CSV text, quoted by Papa Parse as RFC 4180 says, with CRLF line ends and the format's
 * separator; empty for no rows. Every CSV download is written through this.
 */
export function csvLines(rows: string[][], format: CsvFormat): string {
  return rows.length === 0 ? '' : `${Papa.unparse(rows, { delimiter: csvDelimiter(format), newline: '\r\n', header: false })}\r\n`;
}
