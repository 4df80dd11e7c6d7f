import { fileURLToPath } from 'node:url';
import request from 'supertest';
import { waitForJob, type TestUser } from './client.js';
import { subscribeToEnd } from './graphql-subscribe.js';
import { startWithProject } from './project-setup.js';
import type { Stack } from './stack.js';

const FIXTURE = fileURLToPath(
  new URL('../../services/data-tools/test/fixtures/problematic_hydro.csv', import.meta.url),
);
const SUBSCRIPTION = `subscription($id: ID!) {
  jobEvents(id: $id) { type at job { id status progress message } }
}`;

interface JobEventData {
  type: string;
  job: { id: string; status: string; progress: number };
}

async function follow(stack: Stack, user: TestUser | null, jobId: string) {
  const { values, errors } = await subscribeToEnd<JobEventData>(
    stack.baseUrl,
    user,
    SUBSCRIPTION,
    { id: jobId },
    'jobEvents',
  );
  return { events: values, errors };
}

describe('GraphQL subscription to a job', () => {
  let stack: Stack;
  let owner: TestUser;
  let stranger: TestUser;
  let projectId: string;

  beforeAll(async () => {
    ({ stack, owner, stranger, projectId } = await startWithProject('Live'));
  }, 60_000);
  afterAll(() => stack.close());

  const upload = (file: Buffer | string, name: string) =>
    request(stack.baseUrl)
      .post(`/api/v1/projects/${projectId}/data-sources`)
      .set(owner.auth)
      .attach('file', file, name)
      .expect(201);

  it('streams an ingestion from its state through progress to success, then completes', async () => {
    const lines = ['station,day,flow,note'];
    for (let i = 0; i < 300_000; i += 1)
      lines.push(`S${i % 7},2020-01-${(i % 28) + 1},${i / 3},n${i}`);
    const res = await upload(Buffer.from(lines.join('\n')), 'large.csv');
    const { events, errors } = await follow(stack, owner, res.body.job.id);
    expect(errors).toEqual([]);
    expect(events[0]?.type).toBe('state');
    expect(events.some((e) => e.type === 'progress')).toBe(true);
    expect(events.at(-1)?.job).toMatchObject({ id: res.body.job.id, status: 'succeeded' });
    const progress = events.map((e) => e.job.progress);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
  }, 120_000);

  it('answers a finished job with its final state, and hides it from other users', async () => {
    const res = await upload(FIXTURE, 'hydro.csv');
    await waitForJob(stack.baseUrl, owner, res.body.job.id);
    const done = await follow(stack, owner, res.body.job.id);
    expect(done.events).toHaveLength(1);
    expect(done.events[0]?.job.status).toBe('succeeded');
    const hidden = await follow(stack, stranger, res.body.job.id);
    expect(hidden.events).toEqual([]);
    expect(hidden.errors[0]?.extensions?.code).toBe('not_found');
    const anonymous = await follow(stack, null, res.body.job.id);
    expect(anonymous.events).toEqual([]);
    expect(anonymous.errors[0]?.extensions?.code).toBe('unauthenticated');
  }, 60_000);
});
