import { join } from 'node:path';
import type { JobView } from '@hydroml/contracts';
import { waitForJob, type TestUser } from './client.js';
import { connectionsHarness } from './connections-harness.js';
import { filesUnder } from './files-and-events.js';
import type { Stack } from './stack.js';

const IMPORT_TIMEOUT_MS = 3000;

describe('import limits: the query timeout and cancelling', () => {
  const { api, start, close, project, startImport, postgres, mariadb } = connectionsHarness();
  let stack: Stack;
  let alice: TestUser;
  let projectId: string;

  beforeAll(async () => {
    ({ stack, alice } = await start({
      IMPORT_QUERY_TIMEOUT_MS: String(IMPORT_TIMEOUT_MS),
      JOB_HEARTBEAT_MS: '200',
    }));
    projectId = await project('Limits');
  });
  afterAll(close);

  it('cancels an import query that runs past IMPORT_QUERY_TIMEOUT_MS, with a readable error', async () => {
    const mariaId = await mariadb();
    const cases: Array<[string, string]> = [
      [await postgres(), 'SELECT pg_sleep(60) AS s'],
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
    const id = await postgres();
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
