import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import request from 'supertest';
import type { DatasetVersionView } from '@hydroml/contracts';
import { signUp, waitForJob, type TestUser } from './client.js';
import { startStack, type Stack } from './stack.js';

function sqliteFile(path: string): void {
  const db = new Database(path);
  db.exec(`CREATE TABLE gauges (id INTEGER PRIMARY KEY, station TEXT NOT NULL, flow REAL, day TEXT, raw BLOB);
    CREATE VIEW high AS SELECT * FROM gauges WHERE flow > 10;`);
  const insert = db.prepare('INSERT INTO gauges (station, flow, day, raw) VALUES (?, ?, ?, ?)');
  for (let i = 1; i <= 500; i += 1) {
    insert.run(
      `S${i % 3}`,
      i % 7 === 0 ? null : i / 10,
      `2024-01-${String((i % 28) + 1).padStart(2, '0')}`,
      Buffer.from([i % 256]),
    );
  }
  db.close();
}

describe('SQLite connections (an uploaded file in the blob store)', () => {
  let stack: Stack;
  let alice: TestUser;
  let bob: TestUser;
  let connectionId: string;
  const api = () => request(stack.baseUrl);

  beforeAll(async () => {
    stack = await startStack({ QUERY_TIMEOUT_MS: '1500' });
    [alice, bob] = [await signUp(stack.baseUrl), await signUp(stack.baseUrl)];
  });
  afterAll(() => stack.close());

  it('uploads a database, tests, browses and previews it; refuses writes and runaway queries', async () => {
    const file = join(stack.dataDir, 'gauges.sqlite');
    sqliteFile(file);
    const created = await api()
      .post('/api/v1/connections')
      .set(alice.auth)
      .field('name', 'local gauges')
      .attach('file', file)
      .expect(201);
    connectionId = created.body.id;
    expect(created.body).toMatchObject({
      type: 'sqlite',
      name: 'local gauges',
      hasPassword: false,
    });
    const test = await api()
      .post(`/api/v1/connections/${connectionId}/test`)
      .set(alice.auth)
      .expect(200);
    expect(test.body).toMatchObject({ ok: true });
    expect(test.body.serverVersion).toMatch(/^SQLite 3\./);
    const tables = await api()
      .get(`/api/v1/connections/${connectionId}/tables`)
      .set(alice.auth)
      .expect(200);
    expect(tables.body).toEqual([
      { schema: 'main', name: 'gauges', kind: 'table', estimatedRows: 500 },
      { schema: 'main', name: 'high', kind: 'view', estimatedRows: null },
    ]);
    const detail = await api()
      .get(`/api/v1/connections/${connectionId}/tables/gauges`)
      .set(alice.auth)
      .expect(200);
    expect(detail.body.columns[0]).toEqual({
      name: 'id',
      type: 'integer',
      nullable: true,
      primaryKey: true,
    });
    const preview = await api()
      .post(`/api/v1/connections/${connectionId}/preview`)
      .set(alice.auth)
      .send({ table: 'gauges' })
      .expect(200);
    expect(preview.body.rows).toHaveLength(100);
    expect(preview.body.truncated).toBe(true);
    const query = await api()
      .post(`/api/v1/connections/${connectionId}/preview`)
      .set(alice.auth)
      .send({
        query: 'SELECT station, count(*) AS n FROM gauges GROUP BY station ORDER BY station',
      })
      .expect(200);
    expect(query.body.rows).toEqual([
      ['S0', 166],
      ['S1', 167],
      ['S2', 167],
    ]);
    for (const bad of [
      'DELETE FROM gauges',
      'SELECT 1; DROP TABLE gauges',
      'WITH d AS (DELETE FROM gauges RETURNING *) SELECT * FROM d',
    ]) {
      await api()
        .post(`/api/v1/connections/${connectionId}/preview`)
        .set(alice.auth)
        .send({ query: bad })
        .expect(400);
    }
    const forever = await api()
      .post(`/api/v1/connections/${connectionId}/preview`)
      .set(alice.auth)
      .send({
        query:
          'WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT count(*) FROM r',
      })
      .expect(504);
    expect(forever.body.message).toContain('1500 ms');
    await api().get(`/api/v1/connections/${connectionId}/tables`).set(bob.auth).expect(404);
  });

  it('imports a table into a data source', async () => {
    const project = await api().post('/api/v1/projects').set(alice.auth).send({ name: 'Lite' });
    const started = await api()
      .post(`/api/v1/connections/${connectionId}/import`)
      .set(alice.auth)
      .send({ table: 'gauges', projectId: project.body.id, name: 'Gauges' })
      .expect(202);
    const job = await waitForJob(stack.baseUrl, alice, started.body.id as string);
    expect(job).toMatchObject({ status: 'succeeded', result: { rows: 500 } });
    expect((await waitForJob(stack.baseUrl, alice, job.result!.ingestJobId as string)).status).toBe(
      'succeeded',
    );
    const versions = (
      await api()
        .get(`/api/v1/data-sources/${job.result!.dataSourceId as string}/versions`)
        .set(alice.auth)
    ).body as DatasetVersionView[];
    expect(versions[0]).toMatchObject({
      rows: 500,
      origin: 'imported',
      provenance: { connectionType: 'sqlite', table: 'gauges' },
    });
    expect(Object.fromEntries(versions[0].schema.map((c) => [c.name, c.type]))).toMatchObject({
      id: 'integer',
      station: 'string',
      flow: 'float',
    });
  });

  it('refuses a corrupt file and removes it; deleting a connection removes its file', async () => {
    const before = await readdir(join(stack.dataDir, 'blobs', 'data', 'connections'));
    const bad = await api()
      .post('/api/v1/connections')
      .set(alice.auth)
      .field('name', 'broken')
      .attach(
        'file',
        Buffer.from('SQLite format 3\u0000 but then garbage '.repeat(200)),
        'broken.sqlite',
      )
      .expect(400);
    expect(bad.body.message).toContain('not a usable SQLite database');
    expect(await readdir(join(stack.dataDir, 'blobs', 'data', 'connections'))).toEqual(before);
    await api().delete(`/api/v1/connections/${connectionId}`).set(alice.auth).expect(204);
    expect(await readdir(join(stack.dataDir, 'blobs', 'data', 'connections'))).toEqual([]);
  });
});
