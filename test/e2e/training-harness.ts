import request from 'supertest';
import type { JobView, TrainingAccepted, TrainingView } from '@hydroml/contracts';
import { SEATTLE, startWithProject, uploadFile, type ProjectStack } from './project-setup.js';

export interface TrainingState extends ProjectStack {
  /** Seattle weather, uploaded by the owner as "Seattle weather". */
  dataSourceId: string;
}

/**
 * The training e2e specs' shared setup: a stack, an owner with a project holding Seattle weather,
 * and calls that start trainings (as the owner) and wait for their jobs.
 */
export function trainingHarness() {
  const state = {} as TrainingState;
  const api = () => request(state.stack.baseUrl);

  /** Polls a job as the owner until it has ended (trainings and batch predictions: up to 60 s). */
  async function finished(jobId: string): Promise<JobView> {
    for (let i = 0; i < 600; i += 1) {
      const res = await api().get(`/api/v1/jobs/${jobId}`).set(state.owner.auth);
      const job = res.body as JobView;
      if (['succeeded', 'failed', 'cancelled'].includes(job.status)) return job;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`job ${jobId} did not finish`);
  }

  const upload = (name: string, file: string) =>
    uploadFile(state.stack, state.owner, state.projectId, file, name);

  /** POST /projects/:id/trainings as the owner. */
  const startTraining = (body: object) =>
    api().post(`/api/v1/projects/${state.projectId}/trainings`).set(state.owner.auth).send(body);

  /** Trains and answers the training once its job has succeeded. */
  async function train(body: object): Promise<TrainingView> {
    const res = await startTraining(body);
    expect(res.status).toBe(202);
    const accepted = res.body as TrainingAccepted;
    const job = await finished(accepted.job.id);
    const training = await api()
      .get(`/api/v1/trainings/${accepted.training.id}`)
      .set(state.owner.auth)
      .expect(200);
    expect({ job: job.status, error: job.error?.message }).toEqual({
      job: 'succeeded',
      error: undefined,
    });
    return training.body as TrainingView;
  }

  /** `env`: settings of the platform under test (e.g. smaller chunks). */
  async function start(env: Record<string, string> = {}): Promise<TrainingState> {
    Object.assign(state, await startWithProject('Seattle', env));
    state.dataSourceId = await upload('Seattle weather', SEATTLE);
    return { ...state };
  }

  return { finished, upload, startTraining, train, start };
}
