import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { DuckEngine } from '../engine/duck-engine.js';
import { assertXlsxFits, XLSX_MAX_DATA_ROWS } from './export-sql.js';
import { toCell, writeXlsx } from './xlsx-writer.js';

describe('xlsx export', () => {
  let dir: string;
  let engine: DuckEngine;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'xlsx-'));
    engine = await DuckEngine.create({
      threads: 1,
      memoryLimit: '256MiB',
      tempDir: join(dir, 'd'),
    });
  });
  afterAll(async () => {
    engine.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('streams rows into a sheet with a header row', async () => {
    const output = join(dir, 'out.xlsx');
    await engine.use((c) =>
      writeXlsx(
        c,
        `SELECT * FROM (VALUES (1::BIGINT, 'a', 1.5, true), (2::BIGINT, NULL, NULL, false)) t(id, s, x, b)`,
        output,
      ),
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(output);
    const sheet = workbook.getWorksheet('data');
    const rows = sheet?.getSheetValues().filter(Boolean) as unknown[][];
    expect(rows.map((r) => r.slice(1))).toEqual([
      ['id', 's', 'x', 'b'],
      [1, 'a', 1.5, true],
      [2, undefined, undefined, false],
    ]);
  });

  it('turns values into cells without losing precision', () => {
    expect(toCell(12n)).toBe(12);
    expect(toCell(2n ** 60n)).toBe('1152921504606846976');
    expect(toCell(null)).toBeNull();
    expect(toCell({ a: 1n })).toBe('{"a":"1"}');
    const date = new Date('2023-01-01T00:00:00Z');
    expect(toCell(date)).toBe(date);
  });

  it('refuses more rows than a sheet can hold, with a clear reason', () => {
    expect(() => assertXlsxFits(XLSX_MAX_DATA_ROWS)).not.toThrow();
    expect(() => assertXlsxFits(XLSX_MAX_DATA_ROWS + 1)).toThrow('at most 1,048,576 rows');
  });
});
