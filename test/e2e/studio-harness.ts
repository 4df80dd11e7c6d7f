import { fileURLToPath } from 'node:url';
import request from 'supertest';
import type { SessionStateView } from '@hydroml/contracts';
import { signUp, waitForJob, type TestUser } from './client.js';
import { startStack, type Stack } from './stack.js';

export const HYDRO_FIXTURE = fileURLToPath(
  new URL('../../services/data-tools/test/fixtures/problematic_hydro.csv', import.meta.url),
);

export interface StudioState {
  stack: Stack;
  owner: TestUser;
  projectId: string;
  /** problematic_hydro.csv, uploaded by the owner as "Hydro". */
  dataSourceId: string;
}

/**
 * The studio e2e specs' shared setup: a stack, an owner with a project holding the hydro fixture,
 * and calls that open sessions and apply steps.
 */
export function studioHarness() {
  const state = {} as StudioState;
  const api = () => request(state.stack.baseUrl);

  async function upload(user: TestUser, name: string): Promise<string> {
    const res = await api()
      .post(`/api/v1/projects/${state.projectId}/data-sources`)
      .set(user.auth)
      .field('name', name)
      .attach('file', HYDRO_FIXTURE)
      .expect(201);
    expect((await waitForJob(state.stack.baseUrl, user, res.body.job.id)).status).toBe('succeeded');
    return res.body.dataSource.id as string;
  }

  async function open(user: TestUser, id?: string, version = 1): Promise<SessionStateView> {
    const res = await api()
      .post('/api/v1/sessions')
      .set(user.auth)
      .send({ dataSourceId: id ?? state.dataSourceId, version });
    expect(res.status).toBe(201);
    return res.body as SessionStateView;
  }

  /** Applies a step as the owner. */
  async function step(id: string, op: string, params: object): Promise<SessionStateView> {
    const res = await api()
      .post(`/api/v1/sessions/${id}/steps`)
      .set(state.owner.auth)
      .send({ op, params });
    expect(res.status).toBe(200);
    return res.body as SessionStateView;
  }

  async function start(): Promise<StudioState> {
    state.stack = await startStack();
    state.owner = await signUp(state.stack.baseUrl);
    const project = await api()
      .post('/api/v1/projects')
      .set(state.owner.auth)
      .send({ name: 'Studio' })
      .expect(201);
    state.projectId = project.body.id;
    state.dataSourceId = await upload(state.owner, 'Hydro');
    return { ...state };
  }

  return { api, upload, open, step, start };
}
