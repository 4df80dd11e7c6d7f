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

/**
 * Optuna's GroupDecomposedSearchSpace(include_pruned=True): partitions the parameters of finished
 * trials into groups that always appear together, so each group can be modelled jointly even when
 * parameters are conditional. Single-valued distributions are dropped; empty groups too.
 */
export function groupDecomposedSearchSpace(trials: readonly FrozenTrial[]): SearchSpace[] {
  let groups: Record<string, Distribution>[] = [];
  for (const trial of trials) {
    if (trial.state !== 'COMPLETE' && trial.state !== 'PRUNED') continue;
    const rest = new Set(Object.keys(trial.distributions));
    const next: Record<string, Distribution>[] = [];
    for (const group of groups) {
      const names = Object.keys(group);
      const shared = names.filter((n) => rest.has(n));
      const apart = names.filter((n) => !rest.has(n));
      if (shared.length > 0) next.push(pick(group, shared));
      if (apart.length > 0) next.push(pick(group, apart));
      for (const n of shared) rest.delete(n);
    }
    if (rest.size > 0) next.push(pick(trial.distributions, [...rest]));
    groups = next;
  }
  return groups
    .map((g) =>
      pick(
        g,
        Object.keys(g).filter((n) => !isSingle(g[n])),
      ),
    )
    .filter((g) => Object.keys(g).length > 0);
}

function pick(
  source: Readonly<Record<string, Distribution>>,
  names: readonly string[],
): Record<string, Distribution> {
  const out: Record<string, Distribution> = {};
  for (const n of [...names].sort()) out[n] = source[n];
  return out;
}
