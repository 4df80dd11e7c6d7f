import type { Distribution, ParamValue } from '../core/distributions.js';
import { distributionsEqual, isSingle, toInternal } from '../core/distributions.js';
import type { FrozenTrial } from '../core/trial-model.js';
import type { SearchSpace, StudyView } from '../samplers/sampler.js';
import type { StudyCore } from './study-core.js';

export interface ChoiceSources {
  readonly core: StudyCore;
  readonly frozen: FrozenTrial;
  readonly view: StudyView;
  readonly relative: {
    readonly space: SearchSpace;
    readonly values: Readonly<Record<string, number>>;
  };
}

export interface SuggestedSoFar {
  readonly params: Readonly<Record<string, ParamValue>>;
  readonly internals: Readonly<Record<string, number>>;
  readonly dists: Readonly<Record<string, Distribution>>;
}

/**
 * Where a new parameter value comes from, in Optuna's order: the enqueued fixed value, the only
 * value of a single-valued distribution, the relative sample taken at ask time (when the
 * distribution is the one sampled), or else the sampler's independent sample.
 */
export function chooseInternal(
  sources: ChoiceSources,
  soFar: SuggestedSoFar,
  name: string,
  dist: Distribution,
): number {
  const fixed = fixedParamsOf(sources.frozen)[name];
  if (fixed !== undefined) return toInternal(dist, fixed);
  if (isSingle(dist)) return dist.kind === 'categorical' ? 0 : dist.low;
  const relativeDist = sources.relative.space[name];
  const relativeValue = sources.relative.values[name];
  if (relativeDist && relativeValue !== undefined && distributionsEqual(relativeDist, dist)) {
    return relativeValue;
  }
  const snapshot: FrozenTrial = {
    ...sources.frozen,
    params: { ...soFar.params },
    internalParams: { ...soFar.internals },
    distributions: { ...soFar.dists },
  };
  return sources.core.sampler.sampleIndependent(sources.view, snapshot, name, dist);
}

/** Parameters fixed by `study.enqueueTrial`, kept in the trial's system attributes. */
function fixedParamsOf(trial: FrozenTrial): Record<string, ParamValue> {
  const fixed = trial.systemAttrs['fixed_params'];
  if (fixed === undefined || fixed === null || typeof fixed !== 'object' || Array.isArray(fixed)) {
    return {};
  }
  return fixed as Record<string, ParamValue>;
}
