import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import request from 'supertest';
import { signUp, waitForJob, type TestUser } from './client.js';
import { filesUnder, readEvents } from './files-and-events.js';
import { startStack, type Stack } from './stack.js';

const FIXTURE = fileURLToPath(
  new URL('../../services/data-tools/test/fixtures/problematic_hydro.csv', import.meta.url),
);

async function eventually(check: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 100; i += 1) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('dataset lifecycle through the gateway', () => {
  let stack: Stack;
  let owner: TestUser;
  let stranger: TestUser;
  let editor: TestUser;
  let viewer: TestUser;
  let projectId: string;
  let dataSourceId: string;
  const api = () => request(stack.baseUrl);

  beforeAll(async () => {
    stack = await startStack();
    owner = await signUp(stack.baseUrl);
    stranger = await signUp(stack.baseUrl);
    [editor, viewer] = [await signUp(stack.baseUrl), await signUp(stack.baseUrl)];
    const project = await api().post('/api/v1/projects').set(owner.auth).send({ name: 'Lc' });
    projectId = project.body.id;
    for (const [member, role] of [
      [editor, 'editor'],
      [viewer, 'viewer'],
    ] as const) {
      await api()
        .post(`/api/v1/projects/${projectId}/members`)
        .set(owner.auth)
        .send({ user: member.user.email, role })
        .expect(201);
    }
    const upload = await api()
      .post(`/api/v1/projects/${projectId}/data-sources`)
      .set(owner.auth)
      .field('name', 'Hydro')
      .attach('file', FIXTURE)
      .expect(201);
    dataSourceId = upload.body.dataSource.id;
    const job = await waitForJob(stack.baseUrl, owner, upload.body.job.id);
    if (job.status !== 'succeeded') throw new Error(`upload failed: ${job.error?.message}`);
  }, 60_000);
  afterAll(() => stack.close());

  it('re-ingests the kept original with explicit types as a new version with its parent', async () => {
    const v1 = await api().get(`/api/v1/data-sources/${dataSourceId}/versions/1`).set(owner.auth);
    expect(v1.body.schema.find((c: { name: string }) => c.name === 'Humidity').type).toBe('string');
    const job = await api()
      .post(`/api/v1/data-sources/${dataSourceId}/versions/1/reingest`)
      .set(owner.auth)
      .send({ types: { Date: 'string', Flow_Rate: 'float' } })
      .expect(202);
    expect((await waitForJob(stack.baseUrl, owner, job.body.id)).status).toBe('succeeded');
    const v2 = await api()
      .get(`/api/v1/data-sources/${dataSourceId}/versions/2`)
      .set(owner.auth)
      .expect(200);
    expect(v2.body).toMatchObject({ rows: 10, parents: [{ dataSourceId, version: 1 }] });
    const types = Object.fromEntries(
      v2.body.schema.map((c: { name: string; type: string }) => [c.name, c.type]),
    );
    expect(types).toMatchObject({ Date: 'string', Flow_Rate: 'float' });
    await api()
      .post(`/api/v1/data-sources/${dataSourceId}/versions/1/reingest`)
      .set(stranger.auth)
      .send({ types: { Date: 'string' } })
      .expect(404);
  });

  it('serves the lineage graph', async () => {
    const res = await api()
      .get(`/api/v1/data-sources/${dataSourceId}/lineage`)
      .set(owner.auth)
      .expect(200);
    expect(res.body.nodes.map((n: { version: number }) => n.version)).toEqual([1, 2]);
    expect(res.body.nodes[0]).toMatchObject({ origin: 'uploaded', visible: true, rows: 10 });
    expect(res.body.edges).toEqual([{ from: `${dataSourceId}@1`, to: `${dataSourceId}@2` }]);
    await api().get(`/api/v1/data-sources/${dataSourceId}/lineage`).set(stranger.auth).expect(404);
  });

  it('pages a preview by key', async () => {
    const first = await api()
      .get(`/api/v1/data-sources/${dataSourceId}/versions/1/preview?after=-1&limit=4`)
      .set(owner.auth)
      .expect(200);
    expect(first.body.rows).toHaveLength(4);
    expect(first.body.nextAfter).toBe(3);
    expect(Object.keys(first.body.rows[0])).toEqual([
      'Date',
      'Temperature',
      'Humidity',
      'Rainfall',
      'Flow_Rate',
    ]);
    const last = await api()
      .get(`/api/v1/data-sources/${dataSourceId}/versions/1/preview?after=7&limit=4`)
      .set(owner.auth)
      .expect(200);
    expect(last.body.rows).toHaveLength(2);
    expect(last.body.nextAfter).toBeNull();
    const offset = await api()
      .get(`/api/v1/data-sources/${dataSourceId}/versions/1/preview?offset=8&limit=4`)
      .set(owner.auth);
    expect(last.body.rows).toEqual(offset.body.rows);
  });

  it('runs a large export as a job with a download link that expires', async () => {
    const queued = await api()
      .post(`/api/v1/data-sources/${dataSourceId}/versions/1/export`)
      .set(owner.auth)
      .send({ format: 'csv', mode: 'job', columns: ['Date', 'Rainfall'] })
      .expect(202);
    const job = await waitForJob(stack.baseUrl, owner, queued.body.job.id);
    expect(job).toMatchObject({ kind: 'export', status: 'succeeded' });
    const result = job.result as { downloadUrl: string; expiresAt: string; rows: number };
    expect(result.rows).toBe(10);
    expect(Date.parse(result.expiresAt)).toBeGreaterThan(Date.now());
    const file = await api().get(result.downloadUrl).set(owner.auth).expect(200);
    expect(file.text.split('\n')[0]).toBe('Date,Rainfall');
    expect(file.headers['x-row-count']).toBe('10');
    await api().get(result.downloadUrl).set(stranger.auth).expect(404);
  });

  it('refuses to delete a version others were made from, naming them; then deletes', async () => {
    const conflict = await api()
      .delete(`/api/v1/data-sources/${dataSourceId}/versions/1`)
      .set(owner.auth)
      .expect(409);
    expect(conflict.body.message).toContain(`data source ${dataSourceId} version 2`);
    await api()
      .delete(`/api/v1/data-sources/${dataSourceId}/versions/2`)
      .set(stranger.auth)
      .expect(404);
    await api()
      .delete(`/api/v1/data-sources/${dataSourceId}/versions/2`)
      .set(owner.auth)
      .expect(204);
    await api().get(`/api/v1/data-sources/${dataSourceId}/versions/2`).set(owner.auth).expect(404);
    const list = await api().get(`/api/v1/data-sources/${dataSourceId}/versions`).set(owner.auth);
    expect(list.body.map((v: { version: number }) => v.version)).toEqual([1]);
    const lineage = await api().get(`/api/v1/data-sources/${dataSourceId}/lineage`).set(owner.auth);
    expect(lineage.body.nodes[1]).toMatchObject({ version: 2, deleted: true });
  });

  it('soft-deletes a data source; a job removes its blobs', async () => {
    const blobs = join(stack.dataDir, 'blobs', 'data');
    expect(await filesUnder(join(blobs, 'datasets', dataSourceId))).toHaveLength(1);
    expect(await filesUnder(join(blobs, 'sources', dataSourceId))).toHaveLength(1);
    await api().delete(`/api/v1/data-sources/${dataSourceId}`).set(stranger.auth).expect(404);
    await api().delete(`/api/v1/data-sources/${dataSourceId}`).set(viewer.auth).expect(403);
    await api().get(`/api/v1/data-sources/${dataSourceId}`).set(viewer.auth).expect(200);
    await api().delete(`/api/v1/data-sources/${dataSourceId}`).set(editor.auth).expect(204);
    await api().get(`/api/v1/data-sources/${dataSourceId}`).set(owner.auth).expect(404);
    await api().get(`/api/v1/data-sources/${dataSourceId}/versions`).set(owner.auth).expect(404);
    await eventually(
      async () =>
        (await filesUnder(join(blobs, 'datasets', dataSourceId))).length === 0 &&
        (await filesUnder(join(blobs, 'sources', dataSourceId))).length === 0,
      'the blobs of the deleted data source to go',
    );
  });

  it('streams upload progress (bytes received) to the uploader', async () => {
    const uploadId = randomUUID();
    const events = readEvents<{ bytes: number; done: boolean }>(
      `${stack.baseUrl}/api/v1/uploads/${uploadId}/events`,
      owner.auth,
    );
    await new Promise((r) => setTimeout(r, 300));
    const body = Buffer.from(`a,b\n${'1,2\n'.repeat(50_000)}`);
    const upload = await api()
      .post(`/api/v1/projects/${projectId}/data-sources?uploadId=${uploadId}`)
      .set(owner.auth)
      .attach('file', body, 'big.csv')
      .expect(201);
    const seen = await events;
    expect(seen.at(-1)).toMatchObject({ bytes: body.length, done: true });
    await waitForJob(stack.baseUrl, owner, upload.body.job.id);
  });
});
