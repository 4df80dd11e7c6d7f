import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckEngine, sqlString } from '../../engine/duck-engine.js';
import { count, queryRows } from './duck-rows.js';
import { basicPass } from './pass-basic.js';

// Text that reads as numbers or dates, or almost: the cheap pre-tests must not turn any away.
const VALUES = [
  ...['2020-01-01', '2020/01/01', '2020 01 01', '2020\\01\\01', '2020.01.01', '2020-1-1'],
  ...['2020-01-01T10:00:00', '2020-01-01 10:00', '1-01-01', '44-03-15 (BC)', '99999-01-01'],
  ...['20200101', '2020T01', '2020a-01-01', '12:30', '3f2a9c', '9b-01-01', '0x1F', '1e5', '1E5'],
  ...['1_000', '1.5', '.5', '+1', '-1.5', ' 1', '1 ', ' 2020-01-01', 'inf', '-inf', 'Infinity'],
  ...['nan', 'NaN', 'null', '-999', '-999.0', 'n/a', '#N/A', '-', '?', 'None', 'x1', '', '12e'],
];

describe('basicPass on text', () => {
  let dir: string;
  let engine: DuckEngine;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'basic-'));
    engine = await DuckEngine.create({ threads: 1, memoryLimit: '256MiB', tempDir: dir });
  });
  afterAll(async () => {
    engine.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('counts values that cast to numbers and dates as the casts themselves do', async () => {
    const source = `(SELECT v FROM (VALUES ${VALUES.map((v) => `(${sqlString(v)})`).join(', ')}) t(v))`;
    const { columns } = await engine.use((c) =>
      basicPass(c, source, [{ name: 'v', type: 'string', sourceType: 'VARCHAR' }]),
    );
    const [expected] = await engine.use((c) =>
      queryRows(
        c,
        `SELECT count(TRY_CAST(v AS TIMESTAMP)) FILTER (WHERE ascii(v) BETWEEN 48 AND 57) AS dates,
           count(TRY_CAST(v AS DOUBLE)) FILTER (WHERE v NOT IN ('nan', 'NaN', '-999', '-999.0')) AS numbers
         FROM ${source}`,
      ),
    );
    expect(count(expected.dates)).toBe(10);
    expect(columns[0].text).toMatchObject({
      dates: count(expected.dates),
      numeric: count(expected.numbers),
    });
  });
});
