import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import request from 'supertest';
import { signUp, waitForJob, type TestUser } from './client.js';
import { filesUnder, followEvents } from './files-and-events.js';
import { startStack, type Stack } from './stack.js';

const FIXTURE = fileURLToPath(
  new URL('../../services/data-tools/test/fixtures/problematic_hydro.csv', import.meta.url),
);
const LIMIT = 64 * 1024;

describe('datasets through the gateway', () => {
  let stack: Stack;
  let owner: TestUser;
  let projectId: string;

  beforeAll(async () => {
    stack = await startStack({ UPLOAD_LIMIT_BYTES: String(LIMIT) });
    owner = await signUp(stack.baseUrl);
    const project = await request(stack.baseUrl)
      .post('/api/v1/projects')
      .set(owner.auth)
      .send({ name: 'Rivers' })
      .expect(201);
    projectId = project.body.id;
  }, 60_000);
  afterAll(() => stack.close());

  it('uploads the fixture, streams progress, and serves versions, schema and preview', async () => {
    const upload = await request(stack.baseUrl)
      .post(`/api/v1/projects/${projectId}/data-sources`)
      .set(owner.auth)
      .field('name', 'Hydro')
      .attach('file', FIXTURE)
      .expect(201);
    const { dataSource, job } = upload.body;
    expect(dataSource).toMatchObject({ name: 'Hydro', status: 'processing', kind: 'file' });
    const events = await followEvents(stack.baseUrl, job.id, owner.auth.Authorization);
    expect(events.at(-1)?.job).toMatchObject({ status: 'succeeded', progress: 1 });
    expect((await waitForJob(stack.baseUrl, owner, job.id)).result).toMatchObject({
      version: 1,
      rows: 10,
    });

    const versions = await request(stack.baseUrl)
      .get(`/api/v1/data-sources/${dataSource.id}/versions`)
      .set(owner.auth)
      .expect(200);
    expect(versions.body).toHaveLength(1);
    const detail = await request(stack.baseUrl)
      .get(`/api/v1/data-sources/${dataSource.id}/versions/1`)
      .set(owner.auth)
      .expect(200);
    expect(detail.body).toMatchObject({ version: 1, rows: 10, columns: 5, origin: 'uploaded' });
    expect(detail.body.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(detail.body.warnings[0]).toContain('column Temperature: 2 values not numeric');
    expect(detail.body.stats).toHaveLength(5);
    const preview = await request(stack.baseUrl)
      .get(`/api/v1/data-sources/${dataSource.id}/versions/1/preview?limit=3&offset=1`)
      .set(owner.auth)
      .expect(200);
    expect(preview.body.rows).toHaveLength(3);
    expect(preview.body.rows[0]).toMatchObject({ Temperature: 'abc' });
    expect(preview.body.total).toBe(10);
    for (let i = 0; i < 40; i += 1) {
      const ds = await request(stack.baseUrl)
        .get(`/api/v1/data-sources/${dataSource.id}`)
        .set(owner.auth);
      if (ds.body.status === 'ready') break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const ds = await request(stack.baseUrl)
      .get(`/api/v1/data-sources/${dataSource.id}`)
      .set(owner.auth);
    expect(ds.body.status).toBe('ready');

    const added = await request(stack.baseUrl)
      .post(`/api/v1/data-sources/${dataSource.id}/versions`)
      .set(owner.auth)
      .attach('file', Buffer.from('name;temp\nCafé;1.5\n', 'latin1'), 'latin.csv')
      .expect(202);
    expect((await waitForJob(stack.baseUrl, owner, added.body.id)).status).toBe('succeeded');
    const second = await request(stack.baseUrl)
      .get(`/api/v1/data-sources/${dataSource.id}/versions/2`)
      .set(owner.auth)
      .expect(200);
    expect(second.body.detection).toMatchObject({ encoding: 'latin-1', delimiter: ';' });
    expect(await filesUnder(join(stack.dataDir, 'blobs', 'data', 'uploads'))).toEqual([]);
  });

  it('hides a data source and its jobs from non-members', async () => {
    const upload = await request(stack.baseUrl)
      .post(`/api/v1/projects/${projectId}/data-sources`)
      .set(owner.auth)
      .attach('file', Buffer.from('a,b\n1,2\n'), 'small.csv')
      .expect(201);
    const stranger = await signUp(stack.baseUrl);
    await request(stack.baseUrl)
      .get(`/api/v1/data-sources/${upload.body.dataSource.id}/versions`)
      .set(stranger.auth)
      .expect(404);
    await request(stack.baseUrl)
      .get(`/api/v1/jobs/${upload.body.job.id}`)
      .set(stranger.auth)
      .expect(404);
    await request(stack.baseUrl)
      .post(`/api/v1/jobs/${upload.body.job.id}/cancel`)
      .set(stranger.auth)
      .expect(404);
  });

  it('answers 413 past the upload limit and stores nothing', async () => {
    const before = await filesUnder(join(stack.dataDir, 'blobs'));
    await request(stack.baseUrl)
      .post(`/api/v1/projects/${projectId}/data-sources`)
      .set(owner.auth)
      .attach('file', Buffer.alloc(LIMIT + 10, 'a'), 'big.csv')
      .expect(413);
    // Other tests' ingestion jobs may still be writing versions: look for uploads and temp files.
    const after = await filesUnder(join(stack.dataDir, 'blobs'));
    expect(after.filter((f) => f.includes('/uploads/') && !before.includes(f))).toEqual([]);
    expect(await filesUnder(join(stack.dataDir, 'blobs', 'tmp'))).toEqual([]);
  });

  it('fails the job of a binary file with a clear reason and removes its upload', async () => {
    const upload = await request(stack.baseUrl)
      .post(`/api/v1/projects/${projectId}/data-sources`)
      .set(owner.auth)
      .attach('file', Buffer.from([0, 1, 2, 3, 0, 0, 255, 254, 0, 9, 0]), 'binary.csv')
      .expect(201);
    const job = await waitForJob(stack.baseUrl, owner, upload.body.job.id);
    expect(job).toMatchObject({ status: 'failed', attempts: 1 });
    expect(job.error?.message).toContain('binary');
    expect(await filesUnder(join(stack.dataDir, 'blobs', 'data', 'uploads'))).toEqual([]);
    for (let i = 0; i < 40; i += 1) {
      const ds = await request(stack.baseUrl)
        .get(`/api/v1/data-sources/${upload.body.dataSource.id}`)
        .set(owner.auth);
      if (ds.body.status === 'failed') break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const ds = await request(stack.baseUrl)
      .get(`/api/v1/data-sources/${upload.body.dataSource.id}`)
      .set(owner.auth);
    expect(ds.body.status).toBe('failed');
  });

  it('still creates plain catalogue entries from JSON and validates them', async () => {
    await request(stack.baseUrl)
      .post(`/api/v1/projects/${projectId}/data-sources`)
      .set(owner.auth)
      .send({ name: 'Gauge DB', kind: 'database' })
      .expect(201);
    await request(stack.baseUrl)
      .post(`/api/v1/projects/${projectId}/data-sources`)
      .set(owner.auth)
      .send({ kind: 'database' })
      .expect(400);
  });

  it('exports a version to CSV, JSON and Parquet, and the Parquet uploads back to the same rows', async () => {
    const upload = await request(stack.baseUrl)
      .post(`/api/v1/projects/${projectId}/data-sources`)
      .set(owner.auth)
      .attach('file', FIXTURE)
      .expect(201);
    await waitForJob(stack.baseUrl, owner, upload.body.job.id);
    const base = `/api/v1/data-sources/${upload.body.dataSource.id}/versions/1/export`;
    const csv = await request(stack.baseUrl)
      .post(base)
      .set(owner.auth)
      .send({ format: 'csv' })
      .expect(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.text.trim().split('\n');
    expect(lines[0]).toBe('Date,Temperature,Humidity,Rainfall,Flow_Rate');
    expect(lines).toHaveLength(11);
    const json = await request(stack.baseUrl)
      .post(base)
      .set(owner.auth)
      .send({ format: 'json', columns: ['Temperature'], limit: 2 })
      .expect(200);
    expect(JSON.parse(json.text)).toEqual([{ Temperature: '25.5' }, { Temperature: 'abc' }]);
    await request(stack.baseUrl)
      .post(base)
      .set(owner.auth)
      .send({ format: 'csv', columns: ['nope'] })
      .expect(400);
    const xlsx = await request(stack.baseUrl)
      .post(base)
      .set(owner.auth)
      .send({ format: 'xlsx' })
      .buffer(true)
      .parse((res, done) => {
        const parts: Buffer[] = [];
        res.on('data', (c: Buffer) => parts.push(c));
        res.on('end', () => done(null, Buffer.concat(parts)));
      })
      .expect(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect((xlsx.body as Buffer).subarray(0, 2).toString()).toBe('PK');
    const fromXlsx = await request(stack.baseUrl)
      .post(`/api/v1/projects/${projectId}/data-sources`)
      .set(owner.auth)
      .field('sheet', '1')
      .attach('file', xlsx.body as Buffer, 'export.xlsx')
      .expect(201);
    const xlsxJob = await waitForJob(stack.baseUrl, owner, fromXlsx.body.job.id);
    expect(xlsxJob).toMatchObject({ status: 'succeeded', result: { rows: 10 } });
    const parquet = await request(stack.baseUrl)
      .post(base)
      .set(owner.auth)
      .send({ format: 'parquet' })
      .buffer(true)
      .parse((res, done) => {
        const parts: Buffer[] = [];
        res.on('data', (c: Buffer) => parts.push(c));
        res.on('end', () => done(null, Buffer.concat(parts)));
      })
      .expect(200);
    const again = await request(stack.baseUrl)
      .post(`/api/v1/projects/${projectId}/data-sources`)
      .set(owner.auth)
      .attach('file', parquet.body as Buffer, 'export.parquet')
      .expect(201);
    expect((await waitForJob(stack.baseUrl, owner, again.body.job.id)).status).toBe('succeeded');
    const back = await request(stack.baseUrl)
      .get(`/api/v1/data-sources/${again.body.dataSource.id}/versions/1/preview?limit=100`)
      .set(owner.auth)
      .expect(200);
    const original = await request(stack.baseUrl)
      .get(`/api/v1/data-sources/${upload.body.dataSource.id}/versions/1/preview?limit=100`)
      .set(owner.auth)
      .expect(200);
    expect(back.body.rows).toEqual(original.body.rows);
    expect(await filesUnder(join(stack.dataDir, 'blobs', 'data', 'exports'))).toEqual([]);
  });

  it('leaves nothing behind when an upload is cut off mid-stream', async () => {
    const boundary = 'cutoffboundary';
    const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="cut.csv"\r\nContent-Type: text/csv\r\n\r\n`;
    const req = httpRequest(`${stack.baseUrl}/api/v1/projects/${projectId}/data-sources`, {
      method: 'POST',
      headers: {
        ...owner.auth,
        'content-type': `multipart/form-data; boundary=${boundary}`,
        'content-length': String(head.length + 40_000),
      },
    });
    req.on('error', () => undefined);
    req.write(head);
    req.write('a,b\n' + '1,2\n'.repeat(2000));
    await new Promise((r) => setTimeout(r, 200));
    req.destroy();
    await new Promise((r) => setTimeout(r, 500));
    expect(await filesUnder(join(stack.dataDir, 'blobs', 'tmp'))).toEqual([]);
    const uploads = await filesUnder(join(stack.dataDir, 'blobs', 'data', 'uploads'));
    expect(uploads).toEqual([]);
  });
});
