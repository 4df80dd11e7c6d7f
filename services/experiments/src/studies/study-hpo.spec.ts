import { HpoError, type FrozenTrial, type Study } from '@hydroml/hpo';
import type { PgHpoStorage } from './persistence/pg-hpo-storage.js';
import { StudyHpo } from './study-hpo.js';

const trial = {
  trialId: 't1',
  number: 3,
  systemAttrs: { run_id: 'abc' },
} as unknown as FrozenTrial;

function setup(setAttr: () => Promise<void>) {
  const tells: unknown[] = [];
  const storage = { setTrialSystemAttr: setAttr } as unknown as PgHpoStorage;
  const study = {
    tell: (...args: unknown[]) => {
      tells.push(args);
      return Promise.resolve();
    },
  } as unknown as Study;
  return { hpo: new StudyHpo(storage), study, tells };
}

describe('StudyHpo.fail', () => {
  it('records the reason, fails the trial and answers its run', async () => {
    const { hpo, study, tells } = setup(() => Promise.resolve());
    expect(await hpo.fail(study, trial, 'the study was cancelled')).toBe('abc');
    expect(tells).toEqual([[3, 'FAIL', { skipIfFinished: true }]]);
  });

  it('leaves a trial that finished meanwhile as it is (no tell, no run to end)', async () => {
    const finished = () => Promise.reject(new HpoError('INVALID_STATE', 'already finished'));
    const { hpo, study, tells } = setup(finished);
    expect(await hpo.fail(study, trial, 'the study was cancelled')).toBeNull();
    expect(tells).toEqual([]);
  });

  it('passes on any other storage failure', async () => {
    const down = () => Promise.reject(new Error('connection lost'));
    const { hpo, study } = setup(down);
    await expect(hpo.fail(study, trial, 'x')).rejects.toThrow('connection lost');
  });
});
