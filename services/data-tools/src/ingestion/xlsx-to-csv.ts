import { open, type FileHandle } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { DomainError } from '@hydroml/contracts';

const MAX_ROWS = 1_048_576;

export interface XlsxLimits {
  /** Refuse workbooks whose cells expand beyond this many bytes of text (ZIP bombs). */
  maxBytes: number;
}

/** One Excel cell as CSV text: formulas give their cached result, rich text its plain text. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.replace('T', ' ').slice(0, 19);
  }
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if ('result' in v) return cellText(v.result);
    if (Array.isArray(v.richText)) {
      return (v.richText as Array<{ text?: string }>).map((r) => r.text ?? '').join('');
    }
    if ('text' in v) return cellText(v.text);
    if ('error' in v) return cellText(v.error);
    return JSON.stringify(v);
  }
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    return String(value);
  }
  return '';
}

function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Streams one worksheet (1-based index or name; the first by default) of a workbook into CSV,
 * with exceljs' streaming reader so the workbook is never held whole in memory.
 */
export async function xlsxToCsv(
  input: string,
  output: string,
  sheet: string | undefined,
  limits: XlsxLimits,
): Promise<{ sheet: string }> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    ...{ worksheets: 'emit', sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache' },
  });
  const out = await open(output, 'w');
  let index = 0;
  try {
    for await (const worksheet of reader) {
      index += 1;
      const name = (worksheet as unknown as { name?: string }).name ?? `Sheet${index}`;
      if (sheet !== undefined && sheet !== String(index) && sheet !== name) {
        // Read a skipped sheet to its end: ExcelJS deletes the sheet's temporary file when asked
        // for the next one, and a sheet left unread may not have opened that file yet (ENOENT).
        for await (const row of worksheet as AsyncIterable<ExcelJS.Row>) void row;
        continue;
      }
      await copyRows(worksheet, out, limits);
      return { sheet: name };
    }
  } catch (error) {
    throw error instanceof DomainError
      ? error
      : new DomainError('invalid_argument', `could not read the workbook: ${String(error)}`);
  } finally {
    await out.close();
  }
  throw new DomainError(
    'invalid_argument',
    sheet ? `no sheet ${sheet} in the workbook` : 'the workbook has no sheets',
  );
}

async function copyRows(
  worksheet: AsyncIterable<ExcelJS.Row>,
  out: FileHandle,
  limits: XlsxLimits,
): Promise<void> {
  let rows = 0;
  let bytes = 0;
  let batch: string[] = [];
  for await (const row of worksheet) {
    rows += 1;
    const values = (row.values as unknown[]).slice(1).map((v) => csvField(cellText(v)));
    const line = values.join(',') + '\n';
    bytes += line.length;
    if (rows > MAX_ROWS || bytes > limits.maxBytes) {
      throw new DomainError(
        'invalid_argument',
        'the workbook expands far beyond its file size (a ZIP bomb?): refused',
      );
    }
    batch.push(line);
    if (batch.length >= 1000) {
      await out.write(batch.join(''));
      batch = [];
    }
  }
  await out.write(batch.join(''));
}
