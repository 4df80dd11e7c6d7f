import { HpoError } from '../core/errors.js';
import type { FrozenTrial } from '../core/trial-model.js';
import { lastStep } from '../core/trial-model.js';
import type { Pruner, PrunerContext } from './pruner.js';

export interface PercentilePrunerOptions {
  /** Trials are not pruned until this many trials completed. */
  readonly nStartupTrials?: number;
  /** Steps of a trial before pruning may apply to it. */
  readonly nWarmupSteps?: number;
  /** Prune only at every `intervalSteps` steps after the warm-up. */
  readonly intervalSteps?: number;
  /** Completed trials that must have reported the step for a decision. */
  readonly nMinTrials?: number;
}

/**
 * Prunes a trial whose best intermediate value is worse than the given percentile of completed
 * trials' values at the same step (Optuna's PercentilePruner).
 */
export class PercentilePruner implements Pruner {
  private readonly nStartupTrials: number;
  private readonly nWarmupSteps: number;
  private readonly intervalSteps: number;
  private readonly nMinTrials: number;

  constructor(
    private readonly percentile: number,
    options: PercentilePrunerOptions = {},
  ) {
    if (percentile < 0 || percentile > 100) {
      throw new HpoError(
        'INVALID_VALUE',
        `Percentile must be between 0 and 100 inclusive but got ${percentile}.`,
      );
    }
    this.nStartupTrials = options.nStartupTrials ?? 5;
    this.nWarmupSteps = options.nWarmupSteps ?? 0;
    this.intervalSteps = options.intervalSteps ?? 1;
    this.nMinTrials = options.nMinTrials ?? 1;
  }

  async prune(context: PrunerContext, trial: FrozenTrial): Promise<boolean> {
    const completed = await context.getTrials(['COMPLETE']);
    if (completed.length === 0 || completed.length < this.nStartupTrials) return false;
    const step = lastStep(trial);
    if (step === null || step < this.nWarmupSteps) return false;
    if (!this.isFirstInInterval(step, trial)) return false;
    const maximize = context.directions[0] === 'maximize';
    const best = bestIntermediate(trial, maximize);
    if (Number.isNaN(best)) return true;
    const atStep = completed
      .map((t) => t.intermediateValues.get(step))
      .filter((v): v is number => v !== undefined && !Number.isNaN(v));
    if (atStep.length < this.nMinTrials || atStep.length === 0) return false;
    const p = percentileOf(atStep, maximize ? 100 - this.percentile : this.percentile);
    return maximize ? best < p : best > p;
  }

  /** Only the first report at or after each pruning step is judged. */
  private isFirstInInterval(step: number, trial: FrozenTrial): boolean {
    const nearestLower =
      Math.floor((step - this.nWarmupSteps) / this.intervalSteps) * this.intervalSteps +
      this.nWarmupSteps;
    let secondLast = -1;
    for (const s of trial.intermediateValues.keys())
      if (s > secondLast && s !== step) secondLast = s;
    return secondLast < nearestLower;
  }
}

/** Median stopping rule: PercentilePruner at the 50th percentile (5 start-up trials by default). */
export class MedianPruner extends PercentilePruner {
  constructor(options: PercentilePrunerOptions = {}) {
    super(50, options);
  }
}

function bestIntermediate(trial: FrozenTrial, maximize: boolean): number {
  let best = NaN;
  for (const v of trial.intermediateValues.values()) {
    if (Number.isNaN(v)) continue;
    if (Number.isNaN(best) || (maximize ? v > best : v < best)) best = v;
  }
  return best;
}

/** Linear-interpolation percentile, as numpy's default. */
export function percentileOf(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const position = (q / 100) * (sorted.length - 1);
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - lower);
}
