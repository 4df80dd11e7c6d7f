import ExcelJS from 'exceljs';
import type { DuckDBConnection } from '@duckdb/node-api';

type Cell = string | number | boolean | Date | null;

/** A DuckDB value as an Excel cell: numbers stay numbers where exact, nested values become JSON. */
export function toCell(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') {
    return value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= BigInt(Number.MIN_SAFE_INTEGER)
      ? Number(value)
      : value.toString();
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return value;
  }
  if (value instanceof Date) return value;
  return JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
}

/** Streams the rows of `select` into a one-sheet workbook, never holding the sheet in memory. */
export async function writeXlsx(
  connection: DuckDBConnection,
  select: string,
  output: string,
): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: output,
    useStyles: false,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet('data');
  const result = await connection.stream(select);
  sheet.addRow(result.columnNames()).commit();
  for await (const rows of result.yieldRowsJs()) {
    for (const row of rows) sheet.addRow(row.map(toCell)).commit();
  }
  sheet.commit();
  await workbook.commit();
}
