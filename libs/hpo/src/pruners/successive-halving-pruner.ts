import type { FrozenTrial } from '../core/trial-model.js';
import { lastStep } from '../core/trial-model.js';
import type { Pruner, PrunerContext } from './pruner.js';

export interface SuccessiveHalvingOptions {
  /** Steps before the first rung; 'auto' = max(last step of completed trials / 100, 1). */
  readonly minResource?: number | 'auto';
  readonly reductionFactor?: number;
  readonly minEarlyStoppingRate?: number;
  /** Trials that must have reached a rung before anyone is promoted from it. */
  readonly bootstrapCount?: number;
}

/**
 * Asynchronous successive halving (ASHA), as Optuna's SuccessiveHalvingPruner: at rung r (step
 * minResource * reductionFactor^(minEarlyStoppingRate + r)) a trial continues only if its value is
 * in the top 1/reductionFactor of the values recorded at that rung so far.
 */
export class SuccessiveHalvingPruner implements Pruner {
  private minResource: number | undefined;
  private readonly reductionFactor: number;
  private readonly minEarlyStoppingRate: number;
  private readonly bootstrapCount: number;

  constructor(options: SuccessiveHalvingOptions = {}) {
    const min = options.minResource ?? 'auto';
    this.minResource = min === 'auto' ? undefined : min;
    this.reductionFactor = options.reductionFactor ?? 4;
    this.minEarlyStoppingRate = options.minEarlyStoppingRate ?? 0;
    this.bootstrapCount = options.bootstrapCount ?? 0;
  }

  async prune(context: PrunerContext, trial: FrozenTrial): Promise<boolean> {
    const step = lastStep(trial);
    if (step === null) return false;
    let rung = Object.keys(trial.systemAttrs).filter((k) => k.startsWith('completed_rung_')).length;
    const value = trial.intermediateValues.get(step) ?? NaN;
    const trials = await context.getTrials();
    this.minResource ??= estimateMinResource(trials);
    if (this.minResource === undefined) return false;
    for (;;) {
      const promotionStep =
        this.minResource * Math.pow(this.reductionFactor, this.minEarlyStoppingRate + rung);
      if (step < promotionStep) return false;
      if (Number.isNaN(value)) return true;
      const key = `completed_rung_${rung}`;
      await context.setTrialSystemAttr(trial.trialId, key, value);
      const competing = competingValues(trials, trial, key, value);
      if (competing.length <= this.bootstrapCount) return true;
      if (!this.promotable(value, competing, context.directions[0] === 'maximize')) return true;
      rung += 1;
    }
  }

  private promotable(value: number, competing: number[], maximize: boolean): boolean {
    let index = Math.floor(competing.length / this.reductionFactor) - 1;
    if (index === -1) index = 0;
    competing.sort((a, b) => a - b);
    return maximize ? value >= competing[competing.length - 1 - index] : value <= competing[index];
  }
}

function estimateMinResource(trials: readonly FrozenTrial[]): number | undefined {
  const steps = trials
    .filter((t) => t.state === 'COMPLETE')
    .map(lastStep)
    .filter((s): s is number => s !== null);
  if (steps.length === 0) return undefined;
  return Math.max(Math.floor(Math.max(...steps) / 100), 1);
}

function competingValues(
  trials: readonly FrozenTrial[],
  current: FrozenTrial,
  key: string,
  value: number,
): number[] {
  const values: number[] = [];
  for (const t of trials) {
    const v = t.systemAttrs[key];
    if (t.trialId !== current.trialId && typeof v === 'number') values.push(v);
  }
  values.push(value);
  return values;
}
