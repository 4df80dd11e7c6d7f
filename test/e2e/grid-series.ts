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
  projectId: string;
  /** Version 1 of the uploaded series. */
  target: { dataSourceId: string; version: number };
}

/** An owner's project with a viewer and, outside it, a stranger; `file` uploaded by the owner. */
export async function uploadShared(
  stack: Stack,
  file: Buffer,
  fileName: string,
  projectName: string,
): Promise<GridSeries> {
  const [owner, viewer, stranger] = [
    await signUp(stack.baseUrl),
    await signUp(stack.baseUrl),
    await signUp(stack.baseUrl),
  ];
  const api = request(stack.baseUrl);
  const project = await api.post('/api/v1/projects').set(owner.auth).send({ name: projectName });
  await api
    .post(`/api/v1/projects/${project.body.id}/members`)
    .set(owner.auth)
    .send({ user: viewer.user.email, role: 'viewer' })
    .expect(201);
  const upload = await api
    .post(`/api/v1/projects/${project.body.id}/data-sources`)
    .set(owner.auth)
    .attach('file', file, fileName)
    .expect(201);
  const job = await waitForJob(stack.baseUrl, owner, upload.body.job.id);
  if (job.status !== 'succeeded') throw new Error(`ingestion failed: ${JSON.stringify(job)}`);
  const target = { dataSourceId: upload.body.dataSource.id as string, version: 1 };
  return { owner, viewer, stranger, projectId: project.body.id as string, target };
}

/** The grid console's and charts' e2e data: the series above, shared as in uploadShared. */
export function uploadGridSeries(stack: Stack): Promise<GridSeries> {
  return uploadShared(stack, csv(), 'series.csv', 'Console');
}
