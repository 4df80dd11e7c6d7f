import { HpoError, type FrozenTrial, type Study } from '@hydroml/hpo';
import type { PgHpoStorage } from './persistence/pg-hpo-storage.js';
import { StudyHpo } from './study-hpo.js';

const trial = {
  trialId: 't1',
  number: 3,
  systemAttrs: { run_id: 'abc' },
} as unknown as FrozenTrial;

function setup(setAttr: () => Promise<void>, endState = 'FAIL') {
  const tells: unknown[] = [];
  const storage = { setTrialSystemAttr: setAttr } as unknown as PgHpoStorage;
  const study = {
    tell: (...args: unknown[]) => {
      tells.push(args);
      return Promise.resolve({ ...trial, state: endState });
    },
  } as unknown as Study;
  return { hpo: new StudyHpo(storage), study, tells };
}

const NOT_FAILED = { failed: false, runId: null };

describe('StudyHpo.fail', () => {
  it('records the reason, fails the trial and answers its run', async () => {
    const { hpo, study, tells } = setup(() => Promise.resolve());
    expect(await hpo.fail(study, trial, 'the study was cancelled')).toEqual({
      failed: true,
      runId: 'abc',
    });
    expect(tells).toEqual([[3, 'FAIL', { skipIfFinished: true }]]);
  });

  it('leaves a trial that finished meanwhile as it is (no tell, no run to end)', async () => {
    const finished = () => Promise.reject(new HpoError('INVALID_STATE', 'already finished'));
    const { hpo, study, tells } = setup(finished);
    expect(await hpo.fail(study, trial, 'the study was cancelled')).toEqual(NOT_FAILED);
    expect(tells).toEqual([]);
  });

  it('leaves the run of a trial whose own tell won between the reason and the state', async () => {
    const { hpo, study, tells } = setup(() => Promise.resolve(), 'COMPLETE');
    expect(await hpo.fail(study, trial, 'the study was cancelled')).toEqual(NOT_FAILED);
    expect(tells).toHaveLength(1);
  });

  it('passes on any other storage failure', async () => {
    const down = () => Promise.reject(new Error('connection lost'));
    const { hpo, study } = setup(down);
    await expect(hpo.fail(study, trial, 'x')).rejects.toThrow('connection lost');
  });
});
