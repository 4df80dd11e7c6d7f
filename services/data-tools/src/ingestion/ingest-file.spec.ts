import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckEngine } from '../engine/duck-engine.js';
import ExcelJS from 'exceljs';
import { ingestFile, type IngestOutcome } from './ingest-file.js';
import { xlsxToCsv } from './xlsx-to-csv.js';

const FIXTURE = fileURLToPath(
  new URL('../../test/fixtures/problematic_hydro.csv', import.meta.url),
);

describe('ingestFile (DuckDB to zstd Parquet)', () => {
  let dir: string;
  let engine: DuckEngine;
  let n = 0;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ingest-'));
    engine = await DuckEngine.create({
      threads: 1,
      memoryLimit: '512MiB',
      tempDir: join(dir, 'duck'),
    });
  });
  afterAll(async () => {
    engine.close();
    await rm(dir, { recursive: true, force: true });
  });

  async function ingest(
    name: string,
    content: string | Buffer,
    options = {},
  ): Promise<IngestOutcome> {
    n += 1;
    const path = join(dir, `${n}-${name}`);
    await writeFile(path, content);
    return engine.use((c) =>
      ingestFile(c, { path, fileName: name, options }, join(dir, `${n}.parquet`)),
    );
  }

  /** Rows as JSON (BIGINT arrives as a string). */
  async function rows(outcome: IngestOutcome): Promise<unknown[][]> {
    void outcome;
    return engine.use(async (c) =>
      (
        await c.runAndReadAll(`SELECT * FROM read_parquet('${join(dir, `${n}.parquet`)}')`)
      ).getRowsJson(),
    );
  }

  it('keeps every row of the problematic fixture and explains the text values', async () => {
    const outcome = await engine.use((c) =>
      ingestFile(
        c,
        { path: FIXTURE, fileName: 'problematic_hydro.csv', options: {} },
        join(dir, 'fx.parquet'),
      ),
    );
    expect(outcome.rows).toBe(10);
    expect(outcome.schema.map((c) => [c.name, c.type])).toEqual([
      ['Date', 'date'],
      ['Temperature', 'string'],
      ['Humidity', 'string'],
      ['Rainfall', 'float'],
      ['Flow_Rate', 'float'],
    ]);
    expect(outcome.detection).toMatchObject({
      format: 'csv',
      delimiter: ',',
      header: true,
      encoding: 'utf-8',
    });
    expect(outcome.warnings).toEqual([
      'column Temperature: 2 values not numeric ("abc", "null"), kept as text',
      'column Humidity: 1 value not numeric ("#N/A"), kept as text',
    ]);
    expect(outcome.stats.find((s) => s.name === 'Date')).toEqual({
      name: 'Date',
      nulls: 1,
      min: '2023-01-01',
      max: '2023-01-10',
    });
    expect(outcome.stats.find((s) => s.name === 'Flow_Rate')).toMatchObject({
      nulls: 1,
      min: '120.5',
      max: '130.1',
    });
  });

  it('reads Latin-1, UTF-16 and UTF-8 with a BOM', async () => {
    const text = 'name;temp\nCafé;1.5\nNaïve;2\n';
    for (const [content, encoding] of [
      [Buffer.from(text, 'latin1'), 'latin-1'],
      [Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]), 'utf-16'],
      [Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]), 'utf-8'],
    ] as const) {
      const outcome = await ingest('enc.csv', content);
      expect(outcome.detection).toMatchObject({ encoding, delimiter: ';' });
      expect(outcome.schema.map((c) => c.name)).toEqual(['name', 'temp']);
      expect(await rows(outcome)).toEqual([
        ['Café', 1.5],
        ['Naïve', 2],
      ]);
    }
  });

  it('refuses an empty file and a binary file with a clear reason', async () => {
    await expect(ingest('empty.csv', '')).rejects.toThrow('the file is empty');
    const binary = Buffer.from([0x00, 0x01, 0x02, 0x03, 0xff, 0x00, 0x10, 0x00, 0x00, 0x7f, 0x00]);
    await expect(ingest('binary.csv', binary)).rejects.toMatchObject({ code: 'invalid_argument' });
  });

  it('refuses a ZIP archive renamed .csv and a broken .xlsx with a clear reason', async () => {
    const zip = Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(64, 1)]);
    await expect(ingest('renamed.csv', zip)).rejects.toThrow('ZIP archive, not a table');
    await expect(ingest('broken.xlsx', zip)).rejects.toMatchObject({ code: 'invalid_argument' });
    await expect(ingest('text.xlsx', 'a,b\n1,2\n')).rejects.toThrow('not an Excel workbook');
  });

  it('reads an .xlsx with formulas, merged cells and several sheets', async () => {
    const workbook = new ExcelJS.Workbook();
    const first = workbook.addWorksheet('Gauges');
    first.addRow(['Station', 'Date', 'Flow', 'Double']);
    first.addRow([
      'A, north',
      new Date('2023-01-02T00:00:00Z'),
      1.5,
      { formula: 'C2*2', result: 3 },
    ]);
    first.addRow(['B', new Date('2023-01-03T00:00:00Z'), 2, { formula: 'C3*2', result: 4 }]);
    first.mergeCells('A4:B4');
    first.getCell('A4').value = 'merged';
    const second = workbook.addWorksheet('Notes');
    second.addRow(['note']);
    second.addRow(['hello']);
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    const outcome = await ingest('book.xlsx', buffer);
    expect(outcome.detection).toMatchObject({ format: 'xlsx', sheet: 'Gauges', header: true });
    expect(outcome.schema.map((c) => [c.name, c.type])).toEqual([
      ['Station', 'string'],
      ['Date', 'date'],
      ['Flow', 'float'],
      ['Double', 'integer'],
    ]);
    expect(outcome.rows).toBe(3);
    const notes = await ingest('book.xlsx', buffer, { sheet: 'Notes' });
    expect(notes).toMatchObject({ rows: 1, detection: { sheet: 'Notes' } });
    await expect(ingest('book.xlsx', buffer, { sheet: '3' })).rejects.toThrow('no sheet 3');
  });

  it('refuses a workbook that expands far beyond its size (ZIP bomb)', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('bomb');
    for (let i = 0; i < 2000; i += 1)
      sheet.addRow(Array.from({ length: 20 }, () => 'x'.repeat(50)));
    const path = join(dir, 'bomb.xlsx');
    await writeFile(path, Buffer.from(await workbook.xlsx.writeBuffer()));
    await expect(
      xlsxToCsv(path, join(dir, 'bomb.csv'), undefined, { maxBytes: 100_000 }),
    ).rejects.toThrow('ZIP bomb');
  });

  it('keeps a header-only file as zero rows with its columns', async () => {
    const outcome = await ingest('header.csv', 'a,b,c\n');
    expect(outcome.rows).toBe(0);
    expect(outcome.schema.map((c) => c.name)).toEqual(['a', 'b', 'c']);
  });

  it('keeps ragged rows, padding short ones and keeping extra fields', async () => {
    const outcome = await ingest('ragged.csv', 'a,b,c\n1,2,3\n4,5\n6,7,8,9\n');
    expect(outcome.rows).toBe(3);
    expect(outcome.schema).toHaveLength(4);
    expect(outcome.warnings.join(' ')).toContain('more fields than the header');
  });

  it('makes duplicate and empty column names unique and says so', async () => {
    const outcome = await ingest('dup.csv', 'a,,a,b\n1,2,3,4\n');
    const names = outcome.schema.map((c) => c.name);
    expect(new Set(names).size).toBe(4);
    expect(outcome.warnings).toEqual(
      expect.arrayContaining([
        expect.stringContaining('column 2: empty name'),
        expect.stringContaining('column 3: duplicate name "a"'),
      ]),
    );
  });

  it('keeps dates in several formats as text', async () => {
    const outcome = await ingest('dates.csv', 'd,v\n2023-01-01,1\n01/02/2023,2\n3 Jan 2023,3\n');
    expect(outcome.schema[0]).toMatchObject({ name: 'd', type: 'string' });
    expect(await rows(outcome)).toEqual([
      ['2023-01-01', '1'],
      ['01/02/2023', '2'],
      ['3 Jan 2023', '3'],
    ]);
  });

  it('reads JSON arrays, NDJSON and Parquet', async () => {
    const array = await ingest(
      'a.json',
      JSON.stringify([
        { x: 1, y: 'a' },
        { x: 2, y: 'b' },
      ]),
    );
    expect(array).toMatchObject({ rows: 2, detection: { format: 'json' } });
    const lines = await ingest('b.ndjson', '{"x":1,"t":true}\n{"x":2,"t":false}\n');
    expect(lines.schema.map((c) => c.type)).toEqual(['integer', 'boolean']);
    expect(lines.stats[0]).toEqual({ name: 'x', nulls: 0, min: '1', max: '2' });
    const parquetPath = join(dir, `${n}.parquet`);
    const { readFile } = await import('node:fs/promises');
    const again = await ingest('c.parquet', await readFile(parquetPath));
    expect(again).toMatchObject({ rows: 2, detection: { format: 'parquet' } });
  });

  it('applies explicit column types on re-ingestion', async () => {
    const outcome = await ingest('types.csv', 'id,code\n1,007\n2,010\n', {
      types: { code: 'string' },
    });
    expect(outcome.schema.map((c) => c.type)).toEqual(['integer', 'string']);
    expect(await rows(outcome)).toEqual([
      ['1', '007'],
      ['2', '010'],
    ]);
  });

  it('handles 5,000 columns and a 10 MB single line', async () => {
    const header = Array.from({ length: 5000 }, (_, i) => `c${i}`).join(',');
    const wide = await ingest(
      'wide.csv',
      `${header}\n${Array.from({ length: 5000 }, (_, i) => i).join(',')}\n`,
    );
    expect(wide).toMatchObject({ rows: 1 });
    expect(wide.schema).toHaveLength(5000);
    const long = await ingest('long.csv', `text\n${'x'.repeat(10 * 1024 * 1024)}`);
    expect(long.rows).toBe(1);
  });
});
