import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ProfileAlert } from '@hydroml/contracts';
import { parquetSource } from '@hydroml/recipes';
import { DuckEngine, sqlString } from '../../engine/duck-engine.js';
import { ingestFile, type IngestOutcome } from '../../ingestion/ingest-file.js';
import { computeProfile, type ProfileBody } from './compute-profile.js';

const FIXTURE = fileURLToPath(
  new URL('../../../test/fixtures/problematic_hydro.csv', import.meta.url),
);

describe('computeProfile on problematic_hydro.csv', () => {
  let dir: string;
  let engine: DuckEngine;
  let profile: ProfileBody;
  let outcome: IngestOutcome;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'profile-'));
    engine = await DuckEngine.create({
      threads: 1,
      memoryLimit: '512MiB',
      tempDir: join(dir, 'duck'),
    });
    const parquet = join(dir, 'fx.parquet');
    outcome = await engine.use((c) =>
      ingestFile(c, { path: FIXTURE, fileName: 'problematic_hydro.csv', options: {} }, parquet),
    );
    profile = await engine.use((c) =>
      computeProfile(c, {
        source: `read_parquet(${sqlString(parquet)})`,
        ordered: `(${parquetSource(sqlString(parquet))})`,
        schema: outcome.schema,
        bytes: 100,
      }),
    );
  });
  afterAll(async () => {
    engine.close();
    await rm(dir, { recursive: true, force: true });
  });

  const alert = (type: ProfileAlert['type'], column?: string) =>
    profile.alerts.find((a) => a.type === type && a.column === column);

  it('finds text in Temperature, "#N/A" in Humidity, a missing date and a repeated row', () => {
    expect(alert('mixed_types', 'Temperature')?.suggestion?.step).toEqual({
      op: 'columns.cast',
      params: { column: 'Temperature', to: 'float', onError: 'null' },
    });
    expect(alert('null_like', 'Temperature')?.suggestion?.step).toEqual({
      op: 'missing.to_null',
      params: { column: 'Temperature', values: ['null'] },
    });
    expect(alert('null_like', 'Humidity')?.suggestion?.step).toEqual({
      op: 'missing.to_null',
      params: { column: 'Humidity', values: ['#N/A'] },
    });
    expect(alert('missing', 'Date')?.suggestion?.step).toEqual({
      op: 'rows.drop_missing',
      params: { columns: ['Date'], how: 'any' },
    });
    expect(alert('irregular_time_steps', 'Date')).toMatchObject({
      value: 1,
      details: { step: 86400, gaps: 1 },
    });
    const dup = profile.alerts.find((a) => a.type === 'duplicates');
    expect(dup).toMatchObject({ value: 1, details: { ignoring: ['Date'] } });
    expect(dup?.suggestion?.step).toEqual({
      op: 'rows.deduplicate',
      params: { keep: 'first', columns: ['Temperature', 'Humidity', 'Rainfall', 'Flow_Rate'] },
    });
  });
});
