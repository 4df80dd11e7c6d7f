import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { chmod, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mysql from 'mysql2/promise';
import { ConnectorsContracts } from '@hydroml/contracts';
import type { NatsClient } from '@hydroml/nest-kit';
import { createTestDatabase, errorCodeOf, testEnvVars, type TestDatabase } from '@hydroml/testing';
import { BrowseService } from '../src/browse/browse.service.js';
import { caller, startConnectors, type RunningConnectors } from './connectors-service.js';
import { MARIADB_ROOT, pgConnectionTo, postgresSource } from './source-databases.js';

/**
 * The MariaDB server runs what `/*! ... *\/` holds, inside a read-only transaction too (INTO
 * OUTFILE needs the FILE privilege, which root has): such queries must be refused before they
 * reach it, by preview and by import alike.
 */
describe('read-only queries against the real servers', () => {
  let db: TestDatabase;
  let source: TestDatabase;
  let service: RunningConnectors;
  let app: RunningConnectors['app'];
  let nats: NatsClient;
  let outDir: string;
  const alice = caller();

  beforeAll(async () => {
    [db, source, outDir] = await Promise.all([
      createTestDatabase(),
      postgresSource(),
      mkdtemp(join(tmpdir(), 'hydroml-outfile-')),
    ]);
    await chmod(outDir, 0o777); // the server writes as its own user
    service = await startConnectors(testEnvVars(db.url, { QUERY_TIMEOUT_MS: '5000' }));
    ({ app, nats } = service);
  });
  afterAll(async () => {
    await service.close();
    await Promise.all([db.drop(), source.drop(), rm(outDir, { recursive: true, force: true })]);
  });

  it('refuses MariaDB executable comments before the server could write a file', async () => {
    // The control: straight to the server, the comment's INTO OUTFILE does write.
    const root = await mysql.createConnection(MARIADB_ROOT);
    await root.query(`SELECT 1 /*! INTO OUTFILE '${join(outDir, 'control')}' */`);
    await root.end();
    expect(await readdir(outDir)).toEqual(['control']);
    const conn = await nats.request(
      ConnectorsContracts.create,
      { name: 'root', type: 'mysql', database: 'mysql', ...MARIADB_ROOT },
      alice,
    );
    const browse = app.get(BrowseService);
    const queries = [
      `SELECT 1 /*! INTO OUTFILE '${join(outDir, 'a')}' */`,
      `SELECT 1 /*!50000 INTO OUTFILE '${join(outDir, 'b')}' */`,
      `SELECT 1 /*M! INTO OUTFILE '${join(outDir, 'c')}' */`,
      `SELECT 1 --1 INTO OUTFILE '${join(outDir, 'd')}'`,
      'SELECT user FROM mysql.user /*!50000 FOR UPDATE */',
    ];
    for (const query of queries) {
      expect(
        await errorCodeOf(nats.request(ConnectorsContracts.preview, { id: conn.id, query }, alice)),
      ).toBe('invalid_argument');
      const importStart = { id: conn.id, query, projectId: randomUUID(), name: 'x' };
      expect(await errorCodeOf(nats.request(ConnectorsContracts.import, importStart, alice))).toBe(
        'invalid_argument',
      );
      await expect(browse.openCsvCopy(alice, conn.id, { query })).rejects.toThrow(
        /only a single read-only SELECT/,
      );
    }
    expect(await readdir(outDir)).toEqual(['control']);
    const inString = await nats.request(
      ConnectorsContracts.preview,
      { id: conn.id, query: "SELECT '/*! INTO OUTFILE */' AS s" },
      alice,
    );
    expect(inString.rows).toEqual([['/*! INTO OUTFILE */']]);
  });

  it('refuses PostgreSQL functions that act on the server', async () => {
    const conn = await nats.request(ConnectorsContracts.create, pgConnectionTo(source), alice);
    const run = (query: string) =>
      errorCodeOf(nats.request(ConnectorsContracts.preview, { id: conn.id, query }, alice));
    expect(await run(`SELECT lo_export(lo_from_bytea(0, 'x'), '${join(outDir, 'lo')}')`)).toBe(
      'invalid_argument',
    );
    expect(await run("SELECT pg_catalog.pg_read_file('/etc/hostname')")).toBe('invalid_argument');
    expect(await run('SELECT pg_terminate_backend(pg_backend_pid())')).toBe('invalid_argument');
    expect(await run("SELECT set_config('statement_timeout', '0', false)")).toBe(
      'invalid_argument',
    );
    expect(await readdir(outDir)).toEqual(['control']);
  });
});
