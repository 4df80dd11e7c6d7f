import type { Distribution } from '../../core/distributions.js';
import { Rng } from '../../core/rng.js';
import type { FrozenTrial } from '../../core/trial-model.js';
import { RandomSampler } from '../random-sampler.js';
import type { Sampler, SearchSpace, StudyView } from '../sampler.js';
import { intersectionSearchSpace } from '../search-space.js';
import { ParzenEstimator } from './parzen-estimator.js';
import type { ParzenParams } from './parzen-kernels.js';
import { untransform } from './parzen-kernels.js';
import { defaultGamma, defaultWeights, splitTrials, usableTrials } from './tpe-split.js';

export interface TpeSamplerOptions {
  readonly seed?: number;
  readonly nStartupTrials?: number;
  readonly nEiCandidates?: number;
  readonly gamma?: (n: number) => number;
  readonly weights?: (n: number) => number[];
  readonly considerPrior?: boolean;
  readonly priorWeight?: number;
  readonly considerMagicClip?: boolean;
  readonly considerEndpoints?: boolean;
  /** Model the parameters shared by all finished trials jointly (Optuna's `multivariate=True`). */
  readonly multivariate?: boolean;
  /** Treat RUNNING trials as bad results so parallel asks spread out. */
  readonly constantLiar?: boolean;
  /**
   * Kernels counted by the magic clip's minimum bandwidth: 'group' (Optuna: the kernels of l or g
   * alone) or 'all' (every observed trial, so l(x) narrows as the study grows).
   */
  readonly magicClipCount?: 'group' | 'all';
}

/** Tree-structured Parzen Estimator with Optuna's defaults (10 start-up trials, 24 EI candidates). */
export class TpeSampler implements Sampler {
  private readonly rng: Rng;
  private readonly random: RandomSampler;
  private readonly nStartupTrials: number;
  private readonly nEiCandidates: number;
  private readonly gamma: (n: number) => number;
  private readonly weights: (n: number) => number[];
  private readonly parzen: ParzenParams;
  private readonly constantLiar: boolean;
  private readonly clipAll: boolean;

  constructor(options: TpeSamplerOptions = {}) {
    this.rng = new Rng(options.seed);
    this.random = new RandomSampler({ seed: options.seed });
    this.nStartupTrials = options.nStartupTrials ?? 10;
    this.nEiCandidates = options.nEiCandidates ?? 24;
    this.gamma = options.gamma ?? defaultGamma;
    this.weights = options.weights ?? defaultWeights;
    this.constantLiar = options.constantLiar ?? false;
    this.clipAll = options.magicClipCount === 'all';
    this.parzen = {
      considerPrior: options.considerPrior ?? true,
      priorWeight: options.priorWeight ?? 1,
      considerMagicClip: options.considerMagicClip ?? true,
      considerEndpoints: options.considerEndpoints ?? false,
      multivariate: options.multivariate ?? false,
    };
  }

  inferRelativeSearchSpace(study: StudyView): SearchSpace {
    return this.parzen.multivariate ? intersectionSearchSpace(study.trials) : {};
  }

  sampleRelative(study: StudyView, trial: FrozenTrial, space: SearchSpace): Record<string, number> {
    if (this.inStartup(study)) return {};
    return this.sample(study, trial, space);
  }

  sampleIndependent(
    study: StudyView,
    trial: FrozenTrial,
    name: string,
    dist: Distribution,
  ): number {
    if (this.inStartup(study)) return this.random.sampleIndependent(study, trial, name, dist);
    return this.sample(study, trial, { [name]: dist })[name];
  }

  private inStartup(study: StudyView): boolean {
    let finished = 0;
    for (const t of study.trials) if (t.state === 'COMPLETE' || t.state === 'PRUNED') finished++;
    return finished < this.nStartupTrials;
  }

  private sample(study: StudyView, trial: FrozenTrial, space: SearchSpace): Record<string, number> {
    const usable = usableTrials(study.trials, trial, space, this.constantLiar);
    const nFinished = usable.filter((t) => t.state !== 'RUNNING').length;
    const { below, above } = splitTrials(usable, study.directions, this.gamma(nFinished));
    const parzen: ParzenParams = this.clipAll
      ? { ...this.parzen, clipCount: usable.length + 1 }
      : this.parzen;
    const estimator = (group: FrozenTrial[]): ParzenEstimator =>
      new ParzenEstimator(
        observationsOf(group, space),
        space,
        parzen,
        this.weights(group.length),
      );
    const l = estimator(below);
    const g = estimator(above);
    const n = this.nEiCandidates;
    const candidates = l.sample(this.rng, n);
    const logL = l.logPdf(candidates, n);
    const logG = g.logPdf(candidates, n);
    let best = 0;
    for (let i = 1; i < n; i++) if (logL[i] - logG[i] > logL[best] - logG[best]) best = i;
    const result: Record<string, number> = {};
    for (const [name, dist] of Object.entries(space)) {
      result[name] = untransform(dist, candidates[name][best]);
    }
    return result;
  }
}

function observationsOf(
  trials: readonly FrozenTrial[],
  space: SearchSpace,
): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (const name of Object.keys(space)) out[name] = trials.map((t) => t.internalParams[name]);
  return out;
}
