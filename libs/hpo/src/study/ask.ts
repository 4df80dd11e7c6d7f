import type { Distribution } from '../core/distributions.js';
import type { FrozenTrial } from '../core/trial-model.js';
import type { StudyCore } from './study-core.js';
import { Trial } from './trial.js';

/**
 * Starts a trial: claims the oldest enqueued (WAITING) trial or creates one, runs the sampler's
 * before-trial hook and relative sampling, then suggests any fixed distributions given.
 */
export async function askTrial(
  core: StudyCore,
  fixedDistributions: Readonly<Record<string, Distribution>> = {},
): Promise<Trial> {
  let frozen = (await claimWaitingTrial(core)) ?? (await core.storage.createTrial(core.studyId));
  let view = await core.view();
  const attrs = core.sampler.beforeTrial?.(view, frozen);
  if (attrs !== undefined) {
    for (const [key, value] of Object.entries(attrs)) {
      await core.storage.setTrialSystemAttr(frozen.trialId, key, value);
    }
    frozen = await core.storage.getTrial(frozen.trialId);
    view = await core.view();
  }
  const space = core.sampler.inferRelativeSearchSpace(view, frozen);
  const values =
    Object.keys(space).length === 0 ? {} : core.sampler.sampleRelative(view, frozen, space);
  const trial = new Trial(core, frozen, view, { space, values });
  for (const [name, dist] of Object.entries(fixedDistributions)) {
    await trial.suggest(name, dist);
  }
  return trial;
}

/** Another worker may claim the same WAITING trial first; the storage's compare-and-set decides. */
async function claimWaitingTrial(core: StudyCore): Promise<FrozenTrial | undefined> {
  const waiting = await core.storage.getAllTrials(core.studyId, ['WAITING']);
  for (const candidate of waiting) {
    if (await core.storage.setTrialStateValues(candidate.trialId, 'RUNNING')) {
      return core.storage.getTrial(candidate.trialId);
    }
  }
  return undefined;
}
