import request from 'supertest';
import type { StudyAccepted, StudyView } from '@hydroml/contracts';
import { SEATTLE, startWithProject, uploadFile, type ProjectStack } from './project-setup.js';

export interface StudiesState extends ProjectStack {
  /** Seattle weather, uploaded by the owner into the project. */
  dataSourceId: string;
}

/** Learning rates from 1e-4 (20 boosting iterations barely move: R² near 0) up to 0.3. */
export const widelyVaryingRate = [
  { name: 'learningRate', type: 'float', low: 0.0001, high: 0.3, log: true },
] as const;

/**
 * The study e2e specs' shared setup: a stack, an owner with a project holding Seattle weather, a
 * stranger, and calls that start studies and wait for them to end.
 */
export function studiesHarness() {
  const state = {} as StudiesState;
  const api = () => request(state.stack.baseUrl);

  /** A gradient-boosting spec on Seattle's temp_max with 3-fold validation (fold scores). */
  const spec = () => ({
    dataSourceId: state.dataSourceId,
    version: 1,
    target: 'temp_max',
    features: ['precipitation', 'temp_min', 'wind', 'weather'],
    model: { type: 'gradient_boosting', params: { maxIter: 20 } },
    validation: { mode: 'kfold', folds: 3 },
  });

  /** POST /projects/:id/studies as the owner. */
  const startStudy = (body: object) =>
    api().post(`/api/v1/projects/${state.projectId}/studies`).set(state.owner.auth).send(body);

  async function settledStudy(id: string): Promise<StudyView> {
    for (let i = 0; i < 600; i += 1) {
      const res = await api().get(`/api/v1/studies/${id}`).set(state.owner.auth);
      if (res.body.status !== 'RUNNING') return res.body as StudyView;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error('study did not finish');
  }

  /** Starts a study (202) and answers it once it has ended. */
  async function studyOf(body: object): Promise<StudyView> {
    const res = await startStudy(body);
    expect(res.status).toBe(202);
    return settledStudy((res.body as StudyAccepted).study.id);
  }

  async function start(): Promise<StudiesState> {
    Object.assign(state, await startWithProject('Tuning'));
    const { stack, owner, projectId } = state;
    state.dataSourceId = await uploadFile(stack, owner, projectId, SEATTLE, 'Seattle');
    return { ...state };
  }

  return { spec, startStudy, settledStudy, studyOf, start };
}
