import request from 'supertest';
import { signUp, type TestUser } from './client.js';
import { startStack, type Stack } from './stack.js';

export const API = '/api/2.0/mlflow';
export type Headers = Record<string, string>;

/** A personal API token of the user, as MLflow clients send it (MLFLOW_TRACKING_TOKEN). */
export async function apiToken(api: ReturnType<typeof request>, user: TestUser): Promise<Headers> {
  const created = await api
    .post('/api/v1/auth/tokens')
    .set(user.auth)
    .send({ name: 'mlflow', scopes: ['read', 'write'] })
    .expect(201);
  return { Authorization: `Bearer ${created.body.secret as string}` };
}

export interface MlflowSession {
  stack: Stack;
  api: ReturnType<typeof request>;
  /** Two tenants, each with an API token. */
  alice: Headers;
  bob: Headers;
  post(path: string, body: object, who?: Headers): request.Test;
  newRun(experimentId: string): Promise<string>;
}

/** A stack per test file, with two users holding API tokens; filled in by beforeAll. */
export function mlflowSession(): MlflowSession {
  const session = {
    post: (path: string, body: object, who?: Headers) =>
      session.api
        .post(`${API}/${path}`)
        .set(who ?? session.alice)
        .send(body),
    newRun: async (experimentId: string) => {
      const res = await session.post('runs/create', {
        experiment_id: experimentId,
        start_time: Date.now(),
      });
      expect(res.status).toBe(200);
      return res.body.run.info.run_id as string;
    },
  } as MlflowSession;
  beforeAll(async () => {
    session.stack = await startStack();
    session.api = request(session.stack.baseUrl);
    session.alice = await apiToken(session.api, await signUp(session.stack.baseUrl));
    session.bob = await apiToken(session.api, await signUp(session.stack.baseUrl));
  });
  afterAll(() => session.stack.close());
  return session;
}
