import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConnectorsContracts, jobContracts } from '@hydroml/contracts';
import type { NatsClient } from '@hydroml/nest-kit';
import { createTestDatabase, errorCodeOf, testEnvVars, type TestDatabase } from '@hydroml/testing';
import { BrowseService } from '../src/browse/browse.service.js';
import { caller, startConnectors, type RunningConnectors } from './connectors-service.js';
import {
  mariaConnectionTo,
  mariaSource,
  pgConnectionTo,
  postgresSource,
  type MariaSource,
} from './source-databases.js';

describe('connector imports', () => {
  let db: TestDatabase;
  let source: TestDatabase;
  let maria: MariaSource;
  let blobDir: string;
  let service: RunningConnectors;
  let app: RunningConnectors['app'];
  let nats: NatsClient;
  const alice = caller();

  beforeAll(async () => {
    [db, source, maria, blobDir] = await Promise.all([
      createTestDatabase(),
      postgresSource(),
      mariaSource(),
      mkdtemp(join(tmpdir(), 'hydroml-imports-')),
    ]);
    service = await startConnectors(
      testEnvVars(db.url, { BLOB_DIR: blobDir, JOB_MAX_ATTEMPTS: '1', JOB_RETRY_BASE_MS: '10' }),
    );
    ({ app, nats } = service);
  });
  afterAll(async () => {
    await service.close();
    await Promise.all([
      db.drop(),
      source.drop(),
      maria.drop(),
      rm(blobDir, { recursive: true, force: true }),
    ]);
  });

  it('streams a table from a server-side cursor in batches, with its column types', async () => {
    const conn = await nats.request(ConnectorsContracts.create, pgConnectionTo(source), alice);
    const batches = await app
      .get(BrowseService)
      .openStream(alice, conn.id, { table: 'hydro.gauges' }, 40);
    const sizes: number[] = [];
    let columns: Array<{ name: string; type: string }> = [];
    for await (const batch of batches) {
      sizes.push(batch.rows.length);
      columns = batch.columns;
    }
    expect(sizes).toEqual([40, 40, 40, 30]);
    expect(columns.map((c) => c.type)).toEqual([
      'integer',
      'text',
      'date',
      'double precision',
      'timestamp with time zone',
      'bytea',
    ]);
    const maria2 = await nats.request(ConnectorsContracts.create, mariaConnectionTo(maria), alice);
    const mBatches = await app
      .get(BrowseService)
      .openStream(
        alice,
        maria2.id,
        { query: 'SELECT code, elevation, opened FROM stations ORDER BY code' },
        1,
      );
    const rows: unknown[][] = [];
    for await (const batch of mBatches) rows.push(...batch.rows);
    expect(rows).toEqual([
      ['A1', '812.50', '1990-05-01'],
      ['B2', '120.00', null],
    ]);
  });

  it('checks an import up front and refuses writes, wrong targets and other users', async () => {
    const conn = await nats.request(ConnectorsContracts.create, pgConnectionTo(source), alice);
    const start = (body: object, who = alice) =>
      errorCodeOf(nats.request(ConnectorsContracts.import, { id: conn.id, ...body }, who));
    expect(
      await start({ query: 'DELETE FROM hydro.gauges', projectId: randomUUID(), name: 'x' }),
    ).toBe('invalid_argument');
    expect(await start({ table: 'hydro.gauges' })).toBe('invalid_argument');
    expect(
      await start({
        table: 'hydro.gauges',
        projectId: randomUUID(),
        name: 'x',
        dataSourceId: randomUUID(),
      }),
    ).toBe('invalid_argument');
    expect(
      await start({ table: 'hydro.gauges', projectId: randomUUID(), name: 'x' }, caller()),
    ).toBe('not_found');
  });

  it("does not show another user's import job", async () => {
    expect(
      await errorCodeOf(nats.request(jobContracts('connectors').get, { id: randomUUID() }, alice)),
    ).toBe('not_found');
  });
});
