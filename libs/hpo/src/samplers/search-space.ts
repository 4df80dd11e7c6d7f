import type { Distribution } from '../core/distributions.js';
import { distributionsEqual, isSingle } from '../core/distributions.js';
import type { FrozenTrial } from '../core/trial-model.js';
import type { SearchSpace } from './sampler.js';

/**
 * Parameters present, with the same distribution, in every finished (COMPLETE or PRUNED) trial:
 * Optuna's IntersectionSearchSpace(include_pruned=True). Single-valued distributions are dropped.
 */
export function intersectionSearchSpace(trials: readonly FrozenTrial[]): SearchSpace {
  let space: Record<string, Distribution> | undefined;
  for (const trial of trials) {
    if (trial.state !== 'COMPLETE' && trial.state !== 'PRUNED') continue;
    if (space === undefined) {
      space = { ...trial.distributions };
      continue;
    }
    for (const [name, dist] of Object.entries(space)) {
      const other = trial.distributions[name];
      if (other === undefined || !distributionsEqual(dist, other)) delete space[name];
    }
  }
  const result: Record<string, Distribution> = {};
  for (const name of Object.keys(space ?? {}).sort()) {
    const dist = (space ?? {})[name];
    if (!isSingle(dist)) result[name] = dist;
  }
  return result;
}
