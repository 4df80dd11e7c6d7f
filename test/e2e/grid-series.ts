import request from 'supertest';
import { signUp, waitForJob, type TestUser } from './client.js';
import type { Stack } from './stack.js';

/** 1,000 rows: t (timestamp), a and b (correlated floats, some a blank), c (text), k (integer). */
function csv(): Buffer {
  const lines = ['t,a,b,c,k'];
  for (let i = 0; i < 1000; i += 1) {
    const t = new Date(Date.UTC(2021, 0, 1) + i * 3600_000)
      .toISOString()
      .slice(0, 19)
      .replace('T', ' ');
    const a = i % 25 === 0 ? '' : String(i / 10);
    lines.push(`${t},${a},${(2 * i) / 10 + (i % 7)},cat${i % 30},${i}`);
  }
  return Buffer.from(lines.join('\n') + '\n');
}

export interface GridSeries {
  owner: TestUser;
  viewer: TestUser;
  stranger: TestUser;
  /** Version 1 of the uploaded series. */
  target: { dataSourceId: string; version: number };
}

/** The grid console's and charts' e2e data: an owner's project with a viewer, and a stranger. */
export async function uploadGridSeries(stack: Stack): Promise<GridSeries> {
  const [owner, viewer, stranger] = [
    await signUp(stack.baseUrl),
    await signUp(stack.baseUrl),
    await signUp(stack.baseUrl),
  ];
  const api = request(stack.baseUrl);
  const project = await api.post('/api/v1/projects').set(owner.auth).send({ name: 'Console' });
  await api
    .post(`/api/v1/projects/${project.body.id}/members`)
    .set(owner.auth)
    .send({ user: viewer.user.email, role: 'viewer' })
    .expect(201);
  const upload = await api
    .post(`/api/v1/projects/${project.body.id}/data-sources`)
    .set(owner.auth)
    .attach('file', csv(), 'series.csv')
    .expect(201);
  const job = await waitForJob(stack.baseUrl, owner, upload.body.job.id);
  if (job.status !== 'succeeded') throw new Error(`ingestion failed: ${JSON.stringify(job)}`);
  return {
    owner,
    viewer,
    stranger,
    target: { dataSourceId: upload.body.dataSource.id, version: 1 },
  };
}
