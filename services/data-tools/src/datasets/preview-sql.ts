import { sqlString } from '../engine/duck-engine.js';

const ROW = '__hydroml_row';

/**
 * A page of a Parquet file: by OFFSET for `offset` paging, or by row number after `after` (keyset
 * paging: deep pages read only the row groups they need instead of skipping every earlier row).
 */
export function previewSql(path: string, page: { offset: number; limit: number; after?: number }) {
  const source = sqlString(path);
  if (page.after === undefined) {
    return `SELECT * FROM read_parquet(${source}) LIMIT ${page.limit} OFFSET ${page.offset}`;
  }
  return `SELECT * EXCLUDE (file_row_number), file_row_number AS ${ROW}
    FROM read_parquet(${source}, file_row_number=true)
    WHERE file_row_number > ${Math.floor(page.after)} ORDER BY file_row_number LIMIT ${page.limit}`;
}

/** Strips the row numbers of a keyset page and works out the cursor of the next one. */
export function keysetPage(
  rows: Array<Record<string, unknown>>,
  limit: number,
): { rows: Array<Record<string, unknown>>; nextAfter: number | null } {
  const last = rows.at(-1);
  const nextAfter = rows.length === limit && last ? Number(last[ROW]) : null;
  return {
    rows: rows.map((row) => {
      const copy = { ...row };
      delete copy[ROW];
      return copy;
    }),
    nextAfter,
  };
}
