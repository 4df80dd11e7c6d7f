import 'reflect-metadata';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DomainError, type ColumnSchema } from '@hydroml/contracts';
import type { NatsClient } from '@hydroml/nest-kit';
import { ExperimentsEnv } from '../experiments-env.js';
import type { BlobFiles } from './blob-files.js';
import { DuckEngines } from './duck-engines.js';
import { VersionReader } from './version-reader.js';

const schema: ColumnSchema[] = [
  { name: 'day', type: 'date', sourceType: 'DATE' },
  { name: 'rain', type: 'float', sourceType: 'DOUBLE' },
];
const daily = {
  op: 'timeseries.resample',
  params: { orderBy: 'day', every: 'day', aggregations: [{ column: 'rain', fn: 'sum' }] },
};

describe('VersionReader.withRows: JSON rows through a recipe', () => {
  let dir: string;
  let engines: DuckEngines;
  let reader: VersionReader;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'rows-reader-'));
    const env = Object.assign(new ExperimentsEnv(), { EXPERIMENTS_WORK_DIR: dir });
    engines = new DuckEngines(env);
    // no step here reads another version: NATS and the blob files are never asked
    reader = new VersionReader({} as NatsClient, {} as BlobFiles, engines, env);
  });
  afterAll(async () => {
    await engines.onApplicationShutdown();
    await rm(dir, { recursive: true, force: true });
  });

  const count = (rows: Array<Record<string, unknown>>, maxRows: number) =>
    reader.withRows({} as never, rows, { steps: [daily], inputSchema: schema }, maxRows, (o) =>
      o.connection
        .runAndReadAll(o.select(['count(*)::INTEGER AS n'], '', '1'), o.recipe.binds as never[])
        .then((r) => r.getRowsJS()[0][0]),
    );

  it('fills the days between the rows, within the request bound', async () => {
    const rows = [
      { day: '2024-01-01', rain: 1 },
      { day: '2024-01-05', rain: 2 },
    ];
    expect(await count(rows, 10)).toBe(5);
  });

  it('refuses with a 400 a recipe that would turn a few rows into more than the bound', async () => {
    const rows = [
      { day: '2024-01-01', rain: 1 },
      { day: '2204-01-01', rain: 2 },
    ];
    const refused = count(rows, 10_000);
    await expect(refused).rejects.toBeInstanceOf(DomainError);
    await expect(refused).rejects.toThrow(
      /the recipe on this data: .*would write 65744 rows, more than the limit of 10000/,
    );
  });

  it('answers rows DuckDB cannot read as columns with a 400', async () => {
    const rows = [{ '': 1 }];
    const read = reader.withRows({} as never, rows, { steps: [] }, 10, () => Promise.resolve(1));
    await expect(read).rejects.toMatchObject({ code: 'invalid_argument' });
  });
});
