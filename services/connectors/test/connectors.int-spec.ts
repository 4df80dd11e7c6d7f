import 'reflect-metadata';
import { createServer, type AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import { ConnectorsContracts, healthContract, type CreateConnectionDto } from '@hydroml/contracts';
import type { NatsClient } from '@hydroml/nest-kit';
import {
  createTestDatabase,
  errorCodeOf,
  freePort,
  testEnvVars,
  type TestDatabase,
} from '@hydroml/testing';
import { caller, startConnectors, type RunningConnectors } from './connectors-service.js';
import {
  mariaConnectionTo,
  mariaSource,
  pgConnectionTo,
  postgresSource,
  type MariaSource,
} from './source-databases.js';

const CONNECT_TIMEOUT_MS = 2000;

describe('connectors service against real PostgreSQL and MariaDB', () => {
  let db: TestDatabase;
  let source: TestDatabase;
  let maria: MariaSource;
  let service: RunningConnectors;
  let app: RunningConnectors['app'];
  let nats: NatsClient;
  const alice = caller();
  let healthPort: number;

  beforeAll(async () => {
    healthPort = await freePort();
    [db, source, maria] = await Promise.all([
      createTestDatabase(),
      postgresSource(),
      mariaSource(),
    ]);
    service = await startConnectors(
      testEnvVars(db.url, {
        QUERY_TIMEOUT_MS: '1000',
        CONNECT_TIMEOUT_MS: String(CONNECT_TIMEOUT_MS),
        HEALTH_PORT: String(healthPort),
      }),
    );
    ({ app, nats } = service);
  });
  afterAll(async () => {
    await service.close();
    await Promise.all([db.drop(), source.drop(), maria.drop()]);
  });

  const pgConnection = () => pgConnectionTo(source);
  const mariaConnection = (password?: string) => mariaConnectionTo(maria, password);

  it('stores the password sealed, never returns it, and keeps it on edits without a new one', async () => {
    const view = await nats.request(ConnectorsContracts.create, mariaConnection(), alice);
    expect(view).toMatchObject({
      type: 'mysql',
      port: 3306,
      hasPassword: true,
      sslMode: 'disable',
    });
    expect(JSON.stringify(view)).not.toContain(maria.password);
    const rows: Array<{ secret_encrypted: string }> = await app
      .get(DataSource)
      .query('SELECT secret_encrypted FROM connectors.connections WHERE id = $1', [view.id]);
    expect(rows[0].secret_encrypted).not.toContain(maria.password);
    const renamed = await nats.request(
      ConnectorsContracts.update,
      { id: view.id, name: 'renamed' },
      alice,
    );
    expect(renamed.name).toBe('renamed');
    expect((await nats.request(ConnectorsContracts.test, { id: view.id }, alice)).ok).toBe(true);
    expect(
      await errorCodeOf(nats.request(ConnectorsContracts.get, { id: view.id }, caller())),
    ).toBe('not_found');
  });

  it('tests connections with readable failures', async () => {
    const ok = await nats.request(ConnectorsContracts.create, pgConnection(), alice);
    const result = await nats.request(ConnectorsContracts.test, { id: ok.id }, alice);
    expect(result.failure).toBeUndefined();
    expect(result.ok).toBe(true);
    expect(result.serverVersion).toMatch(/^\d+/);
    const cases: Array<[Partial<CreateConnectionDto>, string]> = [
      [{ ...mariaConnection('wrong-password') }, 'authentication'],
      [{ ...pgConnection(), database: 'no_such_db_here' }, 'database'],
      [{ ...pgConnection(), port: 1 }, 'refused'],
      [{ ...pgConnection(), host: 'no-such-host.invalid' }, 'dns'],
      [{ ...pgConnection(), host: '169.254.169.254' }, 'blocked'],
    ];
    for (const [dto, kind] of cases) {
      const conn = await nats.request(
        ConnectorsContracts.create,
        dto as CreateConnectionDto,
        alice,
      );
      const res = await nats.request(ConnectorsContracts.test, { id: conn.id }, alice);
      expect({ ok: res.ok, kind: res.failure?.kind }).toEqual({ ok: false, kind });
      expect(res.failure?.message).not.toContain('wrong-password');
    }
  });

  it('fails within the connect timeout when the server never answers', async () => {
    // A listener that accepts and stays silent, as a host behind a firewall that drops packets
    // would (10.255.255.1 is no blackhole on every network: a proxy may answer for it).
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as AddressInfo).port;
    try {
      for (const dto of [pgConnection(), mariaConnection()]) {
        const conn = await nats.request(ConnectorsContracts.create, { ...dto, port }, alice);
        const started = Date.now();
        const res = await nats.request(ConnectorsContracts.test, { id: conn.id }, alice);
        const elapsed = Date.now() - started;
        expect({ type: dto.type, ok: res.ok, kind: res.failure?.kind }).toEqual({
          ...{ type: dto.type, ok: false, kind: 'timeout' },
        });
        expect(elapsed).toBeGreaterThanOrEqual(CONNECT_TIMEOUT_MS - 100);
        expect(elapsed).toBeLessThan(CONNECT_TIMEOUT_MS + 1500);
      }
    } finally {
      silent.close();
    }
  });

  it('reports a TLS failure when the SSL mode asks for TLS the server does not offer', async () => {
    // The machine's PostgreSQL (ssl off) and MariaDB (have_ssl DISABLED) offer no TLS.
    for (const dto of [pgConnection(), mariaConnection()]) {
      const conn = await nats.request(
        ConnectorsContracts.create,
        { ...dto, sslMode: 'require' },
        alice,
      );
      const res = await nats.request(ConnectorsContracts.test, { id: conn.id }, alice);
      expect({ type: dto.type, ok: res.ok, kind: res.failure?.kind }).toEqual({
        ...{ type: dto.type, ok: false, kind: 'tls' },
      });
    }
  });

  it('browses tables and columns and previews rows of both engines', async () => {
    const pgConn = await nats.request(ConnectorsContracts.create, pgConnection(), alice);
    const tables = await nats.request(ConnectorsContracts.tables, { id: pgConn.id }, alice);
    expect(tables).toEqual(
      expect.arrayContaining([
        { schema: 'hydro', name: 'gauges', kind: 'table', estimatedRows: 150 },
        expect.objectContaining({ schema: 'hydro', name: 'high_flows', kind: 'view' }),
      ]),
    );
    const detail = await nats.request(
      ConnectorsContracts.describe,
      { id: pgConn.id, table: 'hydro.gauges' },
      alice,
    );
    expect(detail.columns[0]).toEqual({
      name: 'id',
      type: 'integer',
      nullable: false,
      primaryKey: true,
    });
    const preview = await nats.request(
      ConnectorsContracts.preview,
      { id: pgConn.id, table: 'hydro.gauges' },
      alice,
    );
    expect(preview.rows).toHaveLength(100);
    expect(preview.truncated).toBe(true);
    expect(preview.columns.map((c) => c.name)).toEqual([
      'id',
      'station',
      'day',
      'flow',
      'measured_at',
      'raw',
    ]);
    expect(preview.rows[0]).toEqual([
      1,
      'S1',
      '2024-01-02',
      1.5,
      '2024-01-02T06:00:00.000Z',
      '\\x0102',
    ]);
    const maria = await nats.request(ConnectorsContracts.create, mariaConnection(), alice);
    const mTables = await nats.request(ConnectorsContracts.tables, { id: maria.id }, alice);
    expect(mTables.map((t) => t.name)).toEqual(['stations']);
    const mPreview = await nats.request(
      ConnectorsContracts.preview,
      { id: maria.id, query: 'SELECT code, elevation FROM stations ORDER BY code' },
      alice,
    );
    expect(mPreview).toMatchObject({
      rows: [
        ['A1', '812.50'],
        ['B2', '120.00'],
      ],
      truncated: false,
    });
    expect(
      await errorCodeOf(
        nats.request(ConnectorsContracts.describe, { id: maria.id, table: 'nope' }, alice),
      ),
    ).toBe('not_found');
  });

  it('refuses writes, several statements and queries that run too long', async () => {
    const conn = await nats.request(ConnectorsContracts.create, pgConnection(), alice);
    const run = (query: string) =>
      errorCodeOf(nats.request(ConnectorsContracts.preview, { id: conn.id, query }, alice));
    expect(await run('SELECT 1; DROP TABLE hydro.gauges')).toBe('invalid_argument');
    expect(await run('WITH d AS (DELETE FROM hydro.gauges RETURNING *) SELECT * FROM d')).toBe(
      'invalid_argument',
    );
    expect(await run('SELECT * INTO hydro.copy FROM hydro.gauges')).toBe('invalid_argument');
    expect(await run('SELECT * FROM hydro.gauges FOR UPDATE')).toBe('invalid_argument');
    expect(await run('SELECT pg_sleep(5)')).toBe('deadline_exceeded');
    expect(await run('SELECT * FROM hydro.missing')).toBe('invalid_argument');
    const count = await nats.request(
      ConnectorsContracts.preview,
      { id: conn.id, query: 'SELECT count(*) AS n FROM hydro.gauges;' },
      alice,
    );
    expect(count.rows).toEqual([['150']]);
  });

  it('answers its health subject and serves liveness, readiness and metrics over HTTP for probes', async () => {
    const report = await nats.request(healthContract('connectors'), {}, { correlationId: 'int' });
    expect(report).toMatchObject({
      service: 'connectors',
      status: 'ok',
      checks: { postgres: 'ok', redis: 'ok' },
    });
    const base = `http://127.0.0.1:${healthPort}`;
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ checks: { postgres: true, redis: true, nats: true } });
    expect(await (await fetch(`${base}/metrics`)).text()).toContain('hydroml_nats_handler_seconds');
    expect((await fetch(`${base}/other`)).status).toBe(404);
  });
});
