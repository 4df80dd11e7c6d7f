import pg from 'pg';
import request from 'supertest';
import type { DatasetVersionView, JobView } from '@hydroml/contracts';
import type { TestDatabase } from '@hydroml/testing';
import { postgresSource } from '../../services/connectors/test/source-databases.js';
import { signUp, waitForJob, type TestUser } from './client.js';
import { startStack, type Stack } from './stack.js';

describe('incremental imports and lineage of imported versions', () => {
  let stack: Stack;
  let source: TestDatabase;
  let alice: TestUser;
  const api = () => request(stack.baseUrl);

  beforeAll(async () => {
    [stack, source] = await Promise.all([startStack(), postgresSource()]);
    alice = await signUp(stack.baseUrl);
  });
  afterAll(async () => {
    await stack.close();
    await source.drop();
  });

  async function imported(body: object, connectionId: string): Promise<JobView> {
    const started = await api()
      .post(`/api/v1/connections/${connectionId}/import`)
      .set(alice.auth)
      .send(body)
      .expect(202);
    const job = await waitForJob(stack.baseUrl, alice, started.body.id as string);
    expect(job.status).toBe('succeeded');
    if (job.result?.ingestJobId) {
      const ingest = await waitForJob(stack.baseUrl, alice, job.result.ingestJobId as string);
      expect(ingest.status).toBe('succeeded');
    }
    return job;
  }

  it('appends only the rows newer than the last maximum, recording connection and query', async () => {
    const project = await api().post('/api/v1/projects').set(alice.auth).send({ name: 'Inc' });
    const conn = await api()
      .post('/api/v1/connections')
      .set(alice.auth)
      .send({
        name: 'gauges',
        type: 'postgresql',
        host: '127.0.0.1',
        database: source.name,
        user: 'postgres',
      })
      .expect(201);
    const first = await imported(
      { table: 'hydro.gauges', projectId: project.body.id, name: 'Gauges' },
      conn.body.id,
    );
    const dataSourceId = first.result!.dataSourceId as string;
    const v1 = await api().get(`/api/v1/data-sources/${dataSourceId}/versions/1`).set(alice.auth);
    expect(v1.body).toMatchObject({
      origin: 'imported',
      provenance: {
        connectionId: conn.body.id,
        connectionName: 'gauges',
        connectionType: 'postgresql',
        table: 'hydro.gauges',
      },
    });
    expect(JSON.stringify(v1.body)).not.toContain('password');

    const base = await imported(
      { table: 'hydro.gauges', dataSourceId, incrementalColumn: 'id' },
      conn.body.id,
    );
    expect(base.result).toMatchObject({ rows: 150 });
    const client = new pg.Client({ connectionString: source.url });
    await client.connect();
    await client.query(
      `INSERT INTO hydro.gauges (station, day, flow, measured_at, raw)
       SELECT 'NEW', DATE '2024-01-01', g, now(), 'x' FROM generate_series(1, 5) g`,
    );
    await client.end();
    const more = await imported(
      { table: 'hydro.gauges', dataSourceId, incrementalColumn: 'id' },
      conn.body.id,
    );
    expect(more.result).toMatchObject({ rows: 5 });
    const none = await imported(
      { table: 'hydro.gauges', dataSourceId, incrementalColumn: 'id' },
      conn.body.id,
    );
    expect(none.result).toMatchObject({ rows: 0, upToDate: true });

    const versions = (
      await api().get(`/api/v1/data-sources/${dataSourceId}/versions`).set(alice.auth)
    ).body as DatasetVersionView[];
    expect(versions.map((v) => [v.version, v.rows])).toEqual([
      [1, 150],
      [2, 150],
      [3, 155],
    ]);
    expect(versions[2]).toMatchObject({
      origin: 'imported',
      parents: [{ dataSourceId, version: 2 }],
      provenance: { incremental: { column: 'id', after: '150', max: '155' } },
    });
    const lineage = await api().get(`/api/v1/data-sources/${dataSourceId}/lineage`).set(alice.auth);
    expect(lineage.body.edges).toEqual([{ from: `${dataSourceId}@2`, to: `${dataSourceId}@3` }]);
    await api()
      .post(`/api/v1/connections/${conn.body.id}/import`)
      .set(alice.auth)
      .send({
        table: 'hydro.gauges',
        projectId: project.body.id,
        name: 'x',
        incrementalColumn: 'id',
      })
      .expect(400);
  });
});
