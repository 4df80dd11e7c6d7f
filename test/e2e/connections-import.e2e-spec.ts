import request from 'supertest';
import type { DatasetVersionView, ProjectView } from '@hydroml/contracts';
import type { TestDatabase } from '@hydroml/testing';
import type { MariaSource } from '../../services/connectors/test/source-databases.js';
import { signUp, waitForJob, type TestUser } from './client.js';
import { connectionsHarness } from './connections-harness.js';
import type { Stack } from './stack.js';

describe('importing from a database into a data source', () => {
  const { start, close } = connectionsHarness();
  let stack: Stack;
  let source: TestDatabase;
  let maria: MariaSource;
  let alice: TestUser;

  beforeAll(async () => {
    ({ stack, source, maria, alice } = await start());
  });
  afterAll(close);

  it('imports a table as a new data source and a query as its next version, with mapped types', async () => {
    const api = request(stack.baseUrl);
    const project = (
      await api.post('/api/v1/projects').set(alice.auth).send({ name: 'Imports' }).expect(201)
    ).body as ProjectView;
    const conn = await api
      .post('/api/v1/connections')
      .set(alice.auth)
      .send({
        name: 'gauges db',
        type: 'postgresql',
        host: '127.0.0.1',
        database: source.name,
        user: 'postgres',
      })
      .expect(201);
    const started = await api
      .post(`/api/v1/connections/${conn.body.id}/import`)
      .set(alice.auth)
      .send({ table: 'hydro.gauges', projectId: project.id, name: 'Gauges' })
      .expect(202);
    const job = await waitForJob(stack.baseUrl, alice, started.body.id as string);
    expect(job).toMatchObject({
      status: 'succeeded',
      result: { rows: 150 },
      message: '150 rows read',
    });
    const dataSourceId = job.result!.dataSourceId as string;
    expect((await waitForJob(stack.baseUrl, alice, job.result!.ingestJobId as string)).status).toBe(
      'succeeded',
    );
    const versions = (
      await api.get(`/api/v1/data-sources/${dataSourceId}/versions`).set(alice.auth).expect(200)
    ).body as DatasetVersionView[];
    expect(versions[0]).toMatchObject({ version: 1, rows: 150, columns: 6 });
    expect(Object.fromEntries(versions[0].schema.map((c) => [c.name, c.type]))).toEqual({
      id: 'integer',
      station: 'string',
      day: 'date',
      flow: 'float',
      measured_at: 'timestamp',
      raw: 'string',
    });
    const next = await api
      .post(`/api/v1/connections/${conn.body.id}/import`)
      .set(alice.auth)
      .send({
        query:
          'SELECT station, avg(flow) AS mean_flow FROM hydro.gauges GROUP BY station ORDER BY station',
        dataSourceId,
      })
      .expect(202);
    const nextJob = await waitForJob(stack.baseUrl, alice, next.body.id as string);
    expect(nextJob).toMatchObject({ status: 'succeeded', result: { rows: 3 } });
    await waitForJob(stack.baseUrl, alice, nextJob.result!.ingestJobId as string);
    const after = (
      await api.get(`/api/v1/data-sources/${dataSourceId}/versions`).set(alice.auth).expect(200)
    ).body as DatasetVersionView[];
    expect(after.map((v) => v.rows).sort()).toEqual([150, 3].sort());
    const bob = await signUp(stack.baseUrl);
    await api
      .get(`/api/v1/jobs/${started.body.id as string}`)
      .set(bob.auth)
      .expect(404);
    await api
      .post(`/api/v1/connections/${conn.body.id}/import`)
      .set(bob.auth)
      .send({ table: 'hydro.gauges', projectId: project.id, name: 'x' })
      .expect(404);
  });

  it('imports a MariaDB table with its types and NULLs', async () => {
    const api = request(stack.baseUrl);
    const project = (
      await api.post('/api/v1/projects').set(alice.auth).send({ name: 'Maria' }).expect(201)
    ).body as ProjectView;
    const conn = await api
      .post('/api/v1/connections')
      .set(alice.auth)
      .send({
        name: 'stations',
        type: 'mysql',
        host: '127.0.0.1',
        database: maria.database,
        user: maria.user,
        password: maria.password,
      })
      .expect(201);
    const started = await api
      .post(`/api/v1/connections/${conn.body.id}/import`)
      .set(alice.auth)
      .send({ table: 'stations', projectId: project.id, name: 'Stations' })
      .expect(202);
    const job = await waitForJob(stack.baseUrl, alice, started.body.id as string);
    expect(job).toMatchObject({ status: 'succeeded', result: { rows: 2 } });
    expect((await waitForJob(stack.baseUrl, alice, job.result!.ingestJobId as string)).status).toBe(
      'succeeded',
    );
    const dataSourceId = job.result!.dataSourceId as string;
    const versions = (
      await api.get(`/api/v1/data-sources/${dataSourceId}/versions`).set(alice.auth).expect(200)
    ).body as DatasetVersionView[];
    expect(Object.fromEntries(versions[0].schema.map((c) => [c.name, c.type]))).toEqual({
      code: 'string',
      name: 'string',
      elevation: 'float',
      opened: 'date',
    });
    const preview = await api
      .get(`/api/v1/data-sources/${dataSourceId}/versions/1/preview`)
      .set(alice.auth)
      .expect(200);
    expect(JSON.stringify(preview.body)).toContain('812.5');
  });
});
