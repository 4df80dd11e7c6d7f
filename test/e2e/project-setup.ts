import { fileURLToPath } from 'node:url';
import request from 'supertest';
import { signUp, waitForJob, type TestUser } from './client.js';
import { startStack, type Stack } from './stack.js';

/** vega-datasets' Seattle weather: 1,461 days of temperatures, precipitation, wind and weather. */
export const SEATTLE = fileURLToPath(
  new URL('../../node_modules/vega-datasets/data/seattle-weather.csv', import.meta.url),
);

/** Creates a project as `user`; returns its id. */
export async function createProject(stack: Stack, user: TestUser, name: string): Promise<string> {
  const res = await request(stack.baseUrl)
    .post('/api/v1/projects')
    .set(user.auth)
    .send({ name })
    .expect(201);
  return res.body.id as string;
}

/** Uploads `file` as a data source of the project and waits for its ingestion to succeed. */
export async function uploadFile(
  stack: Stack,
  user: TestUser,
  projectId: string,
  file: string,
  name: string,
): Promise<string> {
  const res = await request(stack.baseUrl)
    .post(`/api/v1/projects/${projectId}/data-sources`)
    .set(user.auth)
    .field('name', name)
    .attach('file', file)
    .expect(201);
  const job = await waitForJob(stack.baseUrl, user, res.body.job.id);
  expect({ upload: job.status, error: job.error?.message }).toEqual({
    upload: 'succeeded',
    error: undefined,
  });
  return res.body.dataSource.id as string;
}

export interface ProjectStack {
  stack: Stack;
  owner: TestUser;
  /** A signed-up user of another tenant (no access to the owner's project). */
  stranger: TestUser;
  projectId: string;
}

/** A fresh stack with two users, the first owning a project named `name`. */
export async function startWithProject(
  name: string,
  env: Record<string, string> = {},
): Promise<ProjectStack> {
  const stack = await startStack(env);
  const owner = await signUp(stack.baseUrl);
  const stranger = await signUp(stack.baseUrl);
  return { stack, owner, stranger, projectId: await createProject(stack, owner, name) };
}
