import type { FrozenTrial, StudyDirection } from '../core/trial-model.js';

/** Values turned into "lower is better" for every objective. */
export function toMinimization(
  values: readonly number[],
  directions: readonly StudyDirection[],
): number[] {
  return values.map((v, i) => (directions[i] === 'maximize' ? -v : v));
}

/** True when `a` is no worse than `b` everywhere and strictly better somewhere (minimisation). */
export function dominates(a: readonly number[], b: readonly number[]): boolean {
  let strictly = false;
  for (let i = 0; i < a.length; i++) {
    if (a[i] > b[i]) return false;
    if (a[i] < b[i]) strictly = true;
  }
  return strictly;
}

/** Non-dominated sorting: rank 0 is the Pareto front, rank 1 the front once it is removed, etc. */
export function nonDominatedRanks(points: readonly (readonly number[])[]): number[] {
  const n = points.length;
  const ranks = new Array<number>(n).fill(-1);
  const dominatedBy = new Array<number>(n).fill(0);
  const dominating: number[][] = points.map(() => []);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      if (dominates(points[i], points[j])) {
        dominating[i].push(j);
        dominatedBy[j] += 1;
      } else if (dominates(points[j], points[i])) {
        dominating[j].push(i);
        dominatedBy[i] += 1;
      }
    }
  }
  let front = points.map((_, i) => i).filter((i) => dominatedBy[i] === 0);
  for (let rank = 0; front.length > 0; rank++) {
    const next: number[] = [];
    for (const i of front) {
      ranks[i] = rank;
      for (const j of dominating[i]) {
        dominatedBy[j] -= 1;
        if (dominatedBy[j] === 0) next.push(j);
      }
    }
    front = next;
  }
  return ranks;
}

/** COMPLETE trials that no other COMPLETE trial dominates (Optuna's `study.best_trials`). */
export function paretoFront(
  trials: readonly FrozenTrial[],
  directions: readonly StudyDirection[],
): FrozenTrial[] {
  const complete = trials.filter((t) => t.state === 'COMPLETE' && t.values !== null);
  const points = complete.map((t) => toMinimization(t.values ?? [], directions));
  const ranks = nonDominatedRanks(points);
  return complete.filter((_, i) => ranks[i] === 0);
}
