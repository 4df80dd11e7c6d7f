import type { Distribution } from '../core/distributions.js';
import type { AttrValue, FrozenTrial, StudyDirection, TrialState } from '../core/trial-model.js';

/** Read-only snapshot of a study handed to samplers (taken when the trial was asked). */
export interface StudyView {
  readonly studyName: string;
  readonly directions: readonly StudyDirection[];
  /** Every trial of the study at snapshot time, all states, ordered by number. */
  readonly trials: readonly FrozenTrial[];
}

export type SearchSpace = Readonly<Record<string, Distribution>>;

/**
 * Sampler contract, modelled on Optuna's BaseSampler. All values are internal representations
 * (categorical index, raw number otherwise). Methods are synchronous: the study loads the snapshot.
 */
export interface Sampler {
  /** Space sampled jointly at ask time; `{}` for purely independent samplers. */
  inferRelativeSearchSpace(study: StudyView, trial: FrozenTrial): SearchSpace;
  sampleRelative(study: StudyView, trial: FrozenTrial, space: SearchSpace): Record<string, number>;
  sampleIndependent(study: StudyView, trial: FrozenTrial, name: string, dist: Distribution): number;
  /** Optional hook; returned entries are stored as system attributes of the trial. */
  beforeTrial?(study: StudyView, trial: FrozenTrial): Record<string, AttrValue> | undefined;
  /** Optional hook after a trial finished; returning `{ stopStudy: true }` stops `optimize`. */
  afterTrial?(study: StudyView, trial: FrozenTrial, state: TrialState): { stopStudy: boolean };
}
