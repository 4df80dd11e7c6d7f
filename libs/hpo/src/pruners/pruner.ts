import type { AttrValue, FrozenTrial, StudyDirection, TrialState } from '../core/trial-model.js';

/** What a pruner may see of, and write to, the study. */
export interface PrunerContext {
  readonly studyName: string;
  readonly directions: readonly StudyDirection[];
  getTrials(states?: readonly TrialState[]): Promise<readonly FrozenTrial[]>;
  setTrialSystemAttr(trialId: string, key: string, value: AttrValue): Promise<void>;
}

/** Pruner contract, modelled on Optuna's BasePruner. */
export interface Pruner {
  prune(context: PrunerContext, trial: FrozenTrial): Promise<boolean>;
}

/** Never prunes (the default). */
export class NopPruner implements Pruner {
  prune(): Promise<boolean> {
    return Promise.resolve(false);
  }
}
