import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parquetSource } from '@hydroml/recipes';
import { DuckEngine, sqlString } from '../../engine/duck-engine.js';
import { ingestFile } from '../../ingestion/ingest-file.js';
import { computeProfile, type ProfileBody } from './compute-profile.js';

/**
 * Statistics equal pandas' to 1e-9 relative. The reference values were computed once with pandas
 * (test/quality-fixtures/make_expected.py, committed beside them): std and variance are the sample
 * ones (ddof = 1), quantiles interpolate linearly, skewness is G1 and kurtosis the excess G2.
 */
const DIR = fileURLToPath(new URL('../../../test/quality-fixtures/', import.meta.url));

interface Expected {
  rows: number;
  duplicates: number;
  columns: Record<string, Record<string, number | number[] | Array<[string, number]>>>;
  pearson: Record<string, Record<string, number>>;
  spearman: Record<string, Record<string, number>>;
}

function close(actual: number | null | undefined, expected: number, what: string): void {
  if (actual === null || actual === undefined) throw new Error(`${what}: missing`);
  const scale = Math.max(Math.abs(expected), 1e-300);
  const rel = Math.abs(actual - expected) / scale;
  if (!(rel <= 1e-9 || Math.abs(actual - expected) <= 1e-12)) {
    throw new Error(`${what}: ${actual} != pandas ${expected} (relative ${rel})`);
  }
}

describe('profile statistics against pandas', () => {
  let dir: string;
  let engine: DuckEngine;
  let profile: ProfileBody;
  let expected: Expected;

  beforeAll(async () => {
    expected = JSON.parse(await readFile(join(DIR, 'expected.json'), 'utf8')) as Expected;
    dir = await mkdtemp(join(tmpdir(), 'parity-'));
    engine = await DuckEngine.create({
      threads: 1,
      memoryLimit: '512MiB',
      tempDir: join(dir, 'duck'),
    });
    const parquet = join(dir, 'stats.parquet');
    const outcome = await engine.use((c) =>
      ingestFile(c, { path: join(DIR, 'stats.csv'), fileName: 'stats.csv', options: {} }, parquet),
    );
    profile = await engine.use((c) =>
      computeProfile(c, {
        source: `read_parquet(${sqlString(parquet)})`,
        ordered: `(${parquetSource(sqlString(parquet))})`,
        ...{ schema: outcome.schema, bytes: 0 },
      }),
    );
  });
  afterAll(async () => {
    engine.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('counts rows and duplicate rows like duplicated().sum()', () => {
    expect(profile.table.rows).toBe(expected.rows);
    expect(profile.table.duplicateRows).toBe(expected.duplicates);
  });

  it.each(['normal', 'offset', 'skewed', 'counts', 'with_nulls', 'uniform'])(
    'matches describe(), quantiles, skew() and kurt() for %s',
    (name) => {
      const e = expected.columns[name] as Record<string, number | number[]>;
      const c = profile.columns.find((col) => col.name === name);
      const n = c?.numeric;
      expect(c?.count).toBe(e.count);
      expect(c?.distinct).toBe(e.distinct);
      expect(n?.zeros).toBe(e.zeros);
      expect(n?.negatives).toBe(e.negatives);
      for (const key of [
        'mean',
        'std',
        'variance',
        'min',
        'max',
        'sum',
        'skewness',
        'kurtosis',
      ] as const) {
        close(n?.[key], e[key] as number, `${name}.${key}`);
      }
      const q = n?.quantiles;
      const qs = [q?.p5, q?.p25, q?.p50, q?.p75, q?.p95];
      (e.quantiles as number[]).forEach((v, i) => close(qs[i], v, `${name}.quantile[${i}]`));
    },
  );

  it('matches value_counts() of a categorical column', () => {
    const c = profile.columns.find((col) => col.name === 'category');
    const e = expected.columns.category;
    expect(c?.distinct).toBe(e.distinct);
    expect(c?.top?.map((v) => [v.value, v.count])).toEqual(e.top);
  });

  it('matches corr() (Pearson) and corr(method="spearman")', () => {
    let compared = 0;
    for (const method of ['pearson', 'spearman'] as const) {
      const m = profile.correlations[method];
      if (!m) throw new Error(`no ${method} matrix`);
      m.columns.forEach((a, i) =>
        m.columns.forEach((b, j) => {
          if (a === 'with_nulls' || b === 'with_nulls') {
            if (method === 'spearman') return; // ranks: ours per column, pandas per complete pair
          }
          close(m.values[i][j], expected[method][a][b], `${method}(${a}, ${b})`);
          compared += 1;
        }),
      );
    }
    expect(compared).toBe(36 + 25);
  });
});
