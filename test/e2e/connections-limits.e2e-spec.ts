import { join } from 'node:path';
import request from 'supertest';
import type { JobView, ProjectView } from '@hydroml/contracts';
import type { TestDatabase } from '@hydroml/testing';
import {
  mariaSource,
  postgresSource,
  type MariaSource,
} from '../../services/connectors/test/source-databases.js';
import { signUp, waitForJob, type TestUser } from './client.js';
import { filesUnder } from './files-and-events.js';
import { startStack, type Stack } from './stack.js';

const IMPORT_TIMEOUT_MS = 3000;

describe('import limits: the query timeout and cancelling', () => {
  let stack: Stack;
  let source: TestDatabase;
  let maria: MariaSource;
  let alice: TestUser;
  let projectId: string;
  const api = () => request(stack.baseUrl);

  beforeAll(async () => {
    [stack, source, maria] = await Promise.all([
      startStack({ IMPORT_QUERY_TIMEOUT_MS: String(IMPORT_TIMEOUT_MS), JOB_HEARTBEAT_MS: '200' }),
      postgresSource(),
      mariaSource(),
    ]);
    alice = await signUp(stack.baseUrl);
    const project = await api().post('/api/v1/projects').set(alice.auth).send({ name: 'Limits' });
    projectId = (project.body as ProjectView).id;
  });
  afterAll(async () => {
    await stack.close();
    await source.drop();
    await maria.drop();
  });

  async function connection(body: object): Promise<string> {
    const res = await api().post('/api/v1/connections').set(alice.auth).send(body).expect(201);
    return res.body.id as string;
  }
  const pg = () =>
    connection({
      ...{ name: 'pg', type: 'postgresql', host: '127.0.0.1' },
      ...{ database: source.name, user: 'postgres' },
    });
  const startImport = async (id: string, body: object): Promise<string> =>
    (await api().post(`/api/v1/connections/${id}/import`).set(alice.auth).send(body).expect(202))
      .body.id as string;

  it('cancels an import query that runs past IMPORT_QUERY_TIMEOUT_MS, with a readable error', async () => {
    const mariaId = await connection({
      ...{ name: 'm', type: 'mysql', host: '127.0.0.1', database: maria.database },
      ...{ user: maria.user, password: maria.password },
    });
    const cases: Array<[string, string]> = [
      [await pg(), 'SELECT pg_sleep(60) AS s'],
      [mariaId, 'SELECT SLEEP(60) AS s'],
    ];
    for (const [id, query] of cases) {
      const started = Date.now();
      const jobId = await startImport(id, { query, projectId, name: 'sleepy' });
      const job = await waitForJob(stack.baseUrl, alice, jobId);
      const elapsed = Date.now() - started;
      expect({ query, status: job.status, error: job.error }).toEqual({
        query,
        status: 'failed',
        error: expect.objectContaining({
          code: 'failed_precondition',
          message: `the import query ran longer than ${IMPORT_TIMEOUT_MS} ms (IMPORT_QUERY_TIMEOUT_MS) and was cancelled`,
        }),
      });
      expect(elapsed).toBeGreaterThanOrEqual(IMPORT_TIMEOUT_MS);
      expect(elapsed).toBeLessThan(IMPORT_TIMEOUT_MS + 5000);
    }
    expect(await filesUnder(join(stack.dataDir, 'blobs'))).toEqual([]);
  });

  it('cancels a running import: no data source or version, no blob left', async () => {
    const id = await pg();
    // About 10 000 rows a second: still running when the cancellation arrives.
    const query =
      'SELECT g, md5(g::text) AS h, pg_sleep(0.0001)::text AS p FROM generate_series(1, 100000) g';
    const jobId = await startImport(id, { query, projectId, name: 'cancelled' });
    let job: JobView;
    do {
      await new Promise((r) => setTimeout(r, 100));
      job = (await api().get(`/api/v1/jobs/${jobId}`).set(alice.auth).expect(200)).body as JobView;
    } while (job.status !== 'running' || !/rows/.test(job.message ?? ''));
    await api().post(`/api/v1/jobs/${jobId}/cancel`).set(alice.auth).expect(202);
    const done = await waitForJob(stack.baseUrl, alice, jobId);
    expect(done.status).toBe('cancelled');
    expect(done.result ?? null).toBeNull();
    const sources = await api().get(`/api/v1/projects/${projectId}/data-sources`).set(alice.auth);
    expect(JSON.stringify(sources.body)).not.toContain('cancelled');
    expect(await filesUnder(join(stack.dataDir, 'blobs'))).toEqual([]);
  });
});
