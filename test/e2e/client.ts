import request from 'supertest';
import type { JobView, TokenPair, UserView } from '@hydroml/contracts';
import { makeUser, TEST_PASSWORD } from '@hydroml/testing';

export interface TestUser {
  user: UserView;
  tokens: TokenPair;
  auth: { Authorization: string };
}

/** Registers and logs in a fresh user through the gateway. */
export async function signUp(baseUrl: string): Promise<TestUser> {
  const dto = makeUser();
  const registered = await request(baseUrl).post('/api/v1/auth/register').send(dto).expect(201);
  const login = await request(baseUrl)
    .post('/api/v1/auth/login')
    .send({ login: dto.username, password: TEST_PASSWORD })
    .expect(200);
  const tokens = login.body as TokenPair;
  return {
    user: registered.body as UserView,
    tokens,
    auth: { Authorization: `Bearer ${tokens.accessToken}` },
  };
}

/** Polls a job through the gateway until it is finished (succeeded, failed or cancelled). */
export async function waitForJob(baseUrl: string, user: TestUser, jobId: string): Promise<JobView> {
  for (let i = 0; i < 400; i += 1) {
    const res = await request(baseUrl).get(`/api/v1/jobs/${jobId}`).set(user.auth).expect(200);
    const job = res.body as JobView;
    if (['succeeded', 'failed', 'cancelled'].includes(job.status)) return job;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`job ${jobId} did not finish`);
}

/**
 * Rate limits count in fixed one-minute windows: a test that fills a budget must not straddle a
 * window boundary, so it starts early in a minute (waiting up to 20 s when needed).
 */
export async function startOfRateWindow(): Promise<void> {
  const intoMinute = (Date.now() / 1000) % 60;
  if (intoMinute > 40) await new Promise((r) => setTimeout(r, (60 - intoMinute) * 1000 + 200));
}
