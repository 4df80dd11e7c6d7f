import { floatDistribution } from '../core/distributions.js';
import { HpoError } from '../core/errors.js';
import type { HpoStorage } from './storage.js';

function check(condition: boolean, rule: string): void {
  if (!condition) throw new Error(`HpoStorage contract violated: ${rule}`);
}

async function rejectsWith(work: Promise<unknown>, code: HpoError['code']): Promise<boolean> {
  try {
    await work;
    return false;
  } catch (error) {
    return error instanceof HpoError && error.code === code;
  }
}

/**
 * Exercises the rules every HpoStorage must keep (numbering, claiming, immutability, lookups).
 * Run it against a fresh storage in the test suite of any implementation (e.g. PostgreSQL);
 * it throws on the first violated rule.
 */
export async function checkStorageContract(storage: HpoStorage): Promise<void> {
  const study = await storage.createStudy(['minimize', 'maximize'], `contract-${Date.now()}`);
  check((await storage.findStudy(study.studyName))?.studyId === study.studyId, 'findStudy by name');
  check((await storage.findStudy(`${study.studyName}-missing`)) === null, 'unknown name is null');
  await storage.setStudyUserAttr(study.studyId, 'owner', 'ana');
  const attrs = await storage.getStudyUserAttrs(study.studyId);
  check(attrs['owner'] === 'ana', 'study user attributes stored');
  const created = await Promise.all([0, 1, 2, 3].map(() => storage.createTrial(study.studyId)));
  const numbers = created.map((t) => t.number).sort((a, b) => a - b);
  check(numbers.join() === '0,1,2,3', 'concurrent trials get numbers 0..n-1');
  const waiting = await storage.createTrial(study.studyId, { state: 'WAITING' });
  const claims = await Promise.all(
    [0, 1, 2].map(() => storage.setTrialStateValues(waiting.trialId, 'RUNNING')),
  );
  check(claims.filter(Boolean).length === 1, 'a WAITING trial is claimed exactly once');
  const [first] = created;
  await storage.setTrialParam(first.trialId, 'x', 0.5, floatDistribution(0, 1));
  await storage.setTrialIntermediateValue(first.trialId, 2, 0.7);
  await storage.setTrialUserAttr(first.trialId, 'u', 'v');
  await storage.setTrialSystemAttr(first.trialId, 's', 1);
  check(await storage.setTrialStateValues(first.trialId, 'COMPLETE', [1, 2]), 'finish a trial');
  const done = await storage.getTrial(first.trialId);
  check(done.state === 'COMPLETE' && done.values?.join() === '1,2', 'state and values stored');
  check(
    done.params['x'] === 0.5 && done.intermediateValues.get(2) === 0.7,
    'param and report kept',
  );
  check(done.userAttrs['u'] === 'v' && done.systemAttrs['s'] === 1, 'attributes stored');
  const late = storage.setTrialUserAttr(first.trialId, 'u', 'w');
  check(await rejectsWith(late, 'INVALID_STATE'), 'finished trials cannot be updated');
  const id = await storage.getTrialIdFromNumber(study.studyId, first.number);
  check(id === first.trialId, 'trial id from number');
  const missing = storage.getTrialIdFromNumber(study.studyId, 999);
  check(await rejectsWith(missing, 'NOT_FOUND'), 'unknown trial number is NOT_FOUND');
  const complete = await storage.getAllTrials(study.studyId, ['COMPLETE']);
  check(complete.length === 1 && complete[0].trialId === first.trialId, 'filter trials by state');
  check((await storage.getAllTrials(study.studyId)).length === 5, 'list every trial');
}
