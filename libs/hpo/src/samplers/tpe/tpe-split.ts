import { contains } from '../../core/distributions.js';
import type { FrozenTrial, StudyDirection } from '../../core/trial-model.js';
import { lastStep } from '../../core/trial-model.js';
import { hypervolumeContributionWeights, selectByHypervolume } from '../../analysis/hypervolume.js';
import { nonDominatedRanks, toMinimization } from '../../analysis/pareto.js';
import type { SearchSpace } from '../sampler.js';

/** Optuna's default gamma: the size of the "good" group for n observed trials. */
export function defaultGamma(n: number): number {
  return Math.min(Math.ceil(0.1 * n), 25);
}

/** Optuna's default weights: older trials ramp up from 1/n when there are more than 25. */
export function defaultWeights(n: number): number[] {
  if (n === 0) return [];
  if (n < 25) return new Array<number>(n).fill(1);
  const rampLength = n - 25;
  const ramp = Array.from({ length: rampLength }, (_, i) =>
    rampLength === 1 ? 1 / n : 1 / n + ((1 - 1 / n) * i) / (rampLength - 1),
  );
  return [...ramp, ...new Array<number>(25).fill(1)];
}

/** Scales weights of the good group by rank: the best trial keeps its weight, the worst 1/n of it. */
export function rankScaledWeights(
  weights: readonly number[],
  below: readonly FrozenTrial[],
  ranks: ReadonlyMap<FrozenTrial, number>,
): number[] {
  const n = below.length;
  return weights.map((w, i) => (w * (n - (ranks.get(below[i]) ?? 0))) / n);
}

interface Scored {
  readonly trial: FrozenTrial;
  /** Lexicographic: lower is better. [-Inf, v] complete, [-step, v] pruned, [Inf, 0] running. */
  readonly score: readonly [number, number];
}

/** Trials usable for `space`, excluding the current one (running ones only for a constant liar). */
export function usableTrials(
  trials: readonly FrozenTrial[],
  current: FrozenTrial,
  space: SearchSpace,
  constantLiar: boolean,
): FrozenTrial[] {
  const names = Object.keys(space);
  return trials.filter((t) => {
    if (t.number === current.number) return false;
    const stateOk =
      t.state === 'COMPLETE' || t.state === 'PRUNED' || (constantLiar && t.state === 'RUNNING');
    if (!stateOk) return false;
    return names.every((n) => {
      const v = t.internalParams[n];
      return v !== undefined && contains(space[n], v);
    });
  });
}

/** Splits trials into the best `nBelow` ("below", l(x)) and the rest ("above", g(x)), in order. */
export interface Split {
  readonly below: FrozenTrial[];
  readonly above: FrozenTrial[];
  /** Position of each good trial in the ranking, best first. */
  readonly belowRanks: Map<FrozenTrial, number>;
}

/** Keeps, in both groups, only the given trials (e.g. those that have the modelled parameters). */
export function keepHaving(split: Split, kept: readonly FrozenTrial[]): Split {
  const keep = new Set(kept);
  const below = split.below.filter((t) => keep.has(t));
  const belowRanks = new Map(
    [...below]
      .sort((a, b) => (split.belowRanks.get(a) ?? 0) - (split.belowRanks.get(b) ?? 0))
      .map((t, i) => [t, i]),
  );
  return { below, above: split.above.filter((t) => keep.has(t)), belowRanks };
}

export function splitTrials(
  trials: readonly FrozenTrial[],
  directions: readonly StudyDirection[],
  nBelow: number,
): Split {
  const order =
    directions.length > 1
      ? multiObjectiveOrder(trials, directions, nBelow)
      : singleOrder(trials, directions);
  const belowRanks = new Map(order.slice(0, nBelow).map((t, rank) => [t, rank]));
  return {
    belowRanks,
    below: trials.filter((t) => belowRanks.has(t)),
    above: trials.filter((t) => !belowRanks.has(t)),
  };
}

function singleOrder(trials: readonly FrozenTrial[], directions: readonly StudyDirection[]) {
  const sign = directions[0] === 'maximize' ? -1 : 1;
  const scored: Scored[] = trials.map((trial) => ({ trial, score: scoreOf(trial, sign) }));
  scored.sort((a, b) => a.score[0] - b.score[0] || a.score[1] - b.score[1]);
  return scored.filter((s) => s.score[0] !== Infinity).map((s) => s.trial);
}

function scoreOf(trial: FrozenTrial, sign: number): readonly [number, number] {
  if (trial.state === 'COMPLETE' && trial.values !== null)
    return [-Infinity, sign * trial.values[0]];
  if (trial.state === 'PRUNED') {
    const step = lastStep(trial);
    const value = step === null ? undefined : trial.intermediateValues.get(step);
    if (step === null || value === undefined || Number.isNaN(value)) return [1, 0];
    return [-step, sign * value];
  }
  return [Infinity, 0];
}

/**
 * Pareto rank first, as Optuna's MOTPE: whole fronts while they fit in `nBelow`, then the front
 * that straddles the cut contributes the points chosen by greedy hypervolume subset selection.
 */
function multiObjectiveOrder(
  trials: readonly FrozenTrial[],
  directions: readonly StudyDirection[],
  nBelow: number,
): FrozenTrial[] {
  const complete = trials.filter((t) => t.state === 'COMPLETE' && t.values !== null);
  const points = complete.map((t) => toMinimization(t.values ?? [], directions));
  const ranks = nonDominatedRanks(points);
  const below: number[] = [];
  for (let rank = 0; below.length < Math.min(nBelow, complete.length); rank++) {
    const front = complete.map((_, i) => i).filter((i) => ranks[i] === rank);
    const room = nBelow - below.length;
    if (front.length <= room) below.push(...front);
    else
      below.push(
        ...selectByHypervolume(
          front.map((i) => points[i]),
          room,
        ).map((p) => front[p]),
      );
  }
  const chosen = new Set(below);
  return [...below, ...complete.map((_, i) => i).filter((i) => !chosen.has(i))].map(
    (i) => complete[i],
  );
}

/** MOTPE weights of the good group: exclusive hypervolume contributions (Optuna). */
export function multiObjectiveWeights(
  below: readonly FrozenTrial[],
  directions: readonly StudyDirection[],
): number[] {
  const points = below.map((t) => toMinimization(t.values ?? [], directions));
  return hypervolumeContributionWeights(points);
}
