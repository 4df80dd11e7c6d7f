import type { CategoricalChoice, Distribution, ParamValue } from '../core/distributions.js';
import {
  categoricalDistribution,
  checkCompatibility,
  floatDistribution,
  intDistribution,
  toExternal,
} from '../core/distributions.js';
import { HpoError, TrialPruned } from '../core/errors.js';
import type { AttrValue, FrozenTrial } from '../core/trial-model.js';
import type { SearchSpace, StudyView } from '../samplers/sampler.js';
import { chooseInternal } from './param-choice.js';
import type { StudyCore } from './study-core.js';

/** Parameters sampled jointly at ask time, used when the objective suggests the same distribution. */
export interface RelativeSample {
  readonly space: SearchSpace;
  readonly values: Readonly<Record<string, number>>;
}

/**
 * A running trial for define-by-run objectives. Methods are async because the storage is a port
 * that may be remote; sampling uses the study snapshot taken when the trial was asked.
 */
export class Trial {
  private readonly params: Record<string, ParamValue> = {};
  private readonly internals: Record<string, number> = {};
  private readonly dists: Record<string, Distribution> = {};

  constructor(
    private readonly core: StudyCore,
    private readonly frozen: FrozenTrial,
    private readonly view: StudyView,
    private readonly relative: RelativeSample,
  ) {}

  get number(): number {
    return this.frozen.number;
  }

  /** Parameters suggested so far (external values). */
  get currentParams(): Readonly<Record<string, ParamValue>> {
    return { ...this.params };
  }

  async suggestFloat(
    name: string,
    low: number,
    high: number,
    options: { log?: boolean; step?: number | null } = {},
  ): Promise<number> {
    return (await this.suggest(name, floatDistribution(low, high, options))) as number;
  }

  async suggestInt(
    name: string,
    low: number,
    high: number,
    options: { log?: boolean; step?: number } = {},
  ): Promise<number> {
    return (await this.suggest(name, intDistribution(low, high, options))) as number;
  }

  async suggestCategorical<T extends CategoricalChoice>(
    name: string,
    choices: readonly T[],
  ): Promise<T> {
    return (await this.suggest(name, categoricalDistribution(choices))) as T;
  }

  /** Suggests a value from an explicit distribution (used by `study.ask(space)`). */
  async suggest(name: string, dist: Distribution): Promise<ParamValue> {
    const previous = this.dists[name];
    if (previous !== undefined) {
      checkCompatibility(previous, dist);
      return this.params[name];
    }
    const internal = chooseInternal(
      { core: this.core, frozen: this.frozen, view: this.view, relative: this.relative },
      { params: this.params, internals: this.internals, dists: this.dists },
      name,
      dist,
    );
    await this.core.storage.setTrialParam(this.frozen.trialId, name, internal, dist);
    this.internals[name] = internal;
    this.dists[name] = dist;
    this.params[name] = toExternal(dist, internal);
    return this.params[name];
  }

  /** Records an intermediate objective value; like Optuna, a repeated step is ignored. */
  async report(value: number, step: number): Promise<void> {
    assertSingleObjective(this.core, 'report');
    if (!Number.isInteger(step) || step < 0) {
      throw new HpoError(
        'INVALID_VALUE',
        `The \`step\` argument is ${step} but cannot be negative.`,
      );
    }
    const current = await this.core.storage.getTrial(this.frozen.trialId);
    if (current.intermediateValues.has(step)) return;
    await this.core.storage.setTrialIntermediateValue(this.frozen.trialId, step, value);
  }

  /** Asks the study's pruner whether this trial should stop now. */
  async shouldPrune(): Promise<boolean> {
    assertSingleObjective(this.core, 'should_prune');
    const current = await this.core.storage.getTrial(this.frozen.trialId);
    return this.core.pruner.prune(this.core.prunerContext(), current);
  }

  /** Convenience: throws TrialPruned when the pruner says so. */
  async pruneIfNeeded(): Promise<void> {
    if (await this.shouldPrune()) throw new TrialPruned();
  }

  async setUserAttr(key: string, value: AttrValue): Promise<void> {
    await this.core.storage.setTrialUserAttr(this.frozen.trialId, key, value);
  }
}

function assertSingleObjective(core: StudyCore, method: string): void {
  if (core.directions.length > 1) {
    throw new HpoError(
      'MULTI_OBJECTIVE',
      `Trial.${method} is not supported for multi-objective optimization.`,
    );
  }
}
