import type { FrozenTrial, TrialState } from '../core/trial-model.js';
import { lastStep } from '../core/trial-model.js';
import { crc32 } from './crc32.js';
import type { Pruner, PrunerContext } from './pruner.js';
import { SuccessiveHalvingPruner } from './successive-halving-pruner.js';

export interface HyperbandOptions {
  readonly minResource?: number;
  /** 'auto' = last step of the first completed trials + 1. */
  readonly maxResource?: number | 'auto';
  readonly reductionFactor?: number;
  readonly bootstrapCount?: number;
}

/**
 * Hyperband as in Optuna: several successive-halving brackets with increasing early-stopping
 * rates; a trial's bracket comes from a CRC32 hash of `<study name>_<trial number>`, weighted by
 * each bracket's trial budget, and it only competes with trials of its own bracket.
 */
export class HyperbandPruner implements Pruner {
  private readonly minResource: number;
  private maxResource: number | undefined;
  private readonly reductionFactor: number;
  private readonly bootstrapCount: number;
  private readonly brackets: { pruner: SuccessiveHalvingPruner; budget: number }[] = [];
  private totalBudget = 0;

  constructor(options: HyperbandOptions = {}) {
    this.minResource = options.minResource ?? 1;
    const max = options.maxResource ?? 'auto';
    this.maxResource = max === 'auto' ? undefined : max;
    this.reductionFactor = options.reductionFactor ?? 3;
    this.bootstrapCount = options.bootstrapCount ?? 0;
  }

  get nBrackets(): number {
    return this.brackets.length;
  }

  async prune(context: PrunerContext, trial: FrozenTrial): Promise<boolean> {
    if (this.brackets.length === 0) await this.initialise(context);
    if (this.brackets.length === 0) return false;
    const bracket = this.bracketOf(context.studyName, trial.number);
    const bracketContext: PrunerContext = {
      ...context,
      getTrials: async (states?: readonly TrialState[]) =>
        (await context.getTrials(states)).filter(
          (t) => this.bracketOf(context.studyName, t.number) === bracket,
        ),
    };
    return this.brackets[bracket].pruner.prune(bracketContext, trial);
  }

  /** Bracket index of a trial (exposed for tests and plots). */
  bracketOf(studyName: string, trialNumber: number): number {
    if (this.brackets.length === 0) return 0;
    let n = crc32(`${studyName}_${trialNumber}`) % this.totalBudget;
    for (let id = 0; id < this.brackets.length; id++) {
      n -= this.brackets[id].budget;
      if (n < 0) return id;
    }
    return this.brackets.length - 1;
  }

  private async initialise(context: PrunerContext): Promise<void> {
    if (this.maxResource === undefined) {
      const steps = (await context.getTrials(['COMPLETE']))
        .map(lastStep)
        .filter((s): s is number => s !== null);
      if (steps.length === 0) return;
      this.maxResource = Math.max(...steps) + 1;
    }
    const ratio = Math.log(this.maxResource / this.minResource) / Math.log(this.reductionFactor);
    // Guard against 2.9999999 from floating point when the ratio is an exact power.
    const nBrackets = Math.floor(ratio + 1e-9) + 1;
    for (let id = 0; id < nBrackets; id++) {
      const s = nBrackets - 1 - id;
      const budget = Math.ceil((nBrackets * Math.pow(this.reductionFactor, s)) / (s + 1));
      const pruner = new SuccessiveHalvingPruner({
        minResource: this.minResource,
        reductionFactor: this.reductionFactor,
        minEarlyStoppingRate: id,
        bootstrapCount: this.bootstrapCount,
      });
      this.brackets.push({ pruner, budget });
      this.totalBudget += budget;
    }
  }
}
