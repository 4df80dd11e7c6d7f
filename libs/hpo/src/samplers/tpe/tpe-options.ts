import type { ParzenParams } from './parzen-kernels.js';
import { defaultGamma, defaultWeights } from './tpe-split.js';

export interface TpeSamplerOptions {
  readonly seed?: number;
  /** Random trials before TPE starts (Optuna: 10). */
  readonly nStartupTrials?: number;
  /** Candidates drawn from l(x) and ranked by l(x)/g(x) (Optuna: 24). */
  readonly nEiCandidates?: number;
  /** Size of the good group for n finished trials (Optuna: min(ceil(0.1 n), 25)). */
  readonly gamma?: (n: number) => number;
  /** Kernel weights by age for n trials (Optuna: flat, older ones ramped down past 25). */
  readonly weights?: (n: number) => number[];
  readonly considerPrior?: boolean;
  readonly priorWeight?: number;
  readonly considerMagicClip?: boolean;
  readonly considerEndpoints?: boolean;
  /**
   * Model the parameters every finished trial has (the intersection search space) jointly; others,
   * e.g. conditional ones, are sampled univariately. Default true (Optuna's default is false).
   */
  readonly multivariate?: boolean;
  /**
   * Multivariate kernel widths: 'neighbour' (default; per point and dimension, the gap to its
   * sorted neighbours as in univariate TPE) or 'scott' (Optuna's shared width 0.2 n^(-1/(d+4))).
   */
  readonly multivariateBandwidth?: 'scott' | 'neighbour';
  /**
   * The magic clip keeps kernels at least range / min(100, 1 + K) wide. Optuna takes K = kernels in
   * its group (few for the good group); with an exponent e > 0, K = round((observed trials + 1)^e)
   * for both groups, so the good group can narrow as the study grows. Default 0.85; 0 = Optuna.
   */
  readonly magicClipExponent?: number;
  /** Weight the good group by rank (best 1, worst 1/n). Default true (Optuna: uniform). */
  readonly rankWeightedBelow?: boolean;
  /**
   * With multivariate, model each group of parameters that always occur together jointly
   * (Optuna's `group=True`), so conditional parameters are modelled jointly within their branch.
   */
  readonly group?: boolean;
  /**
   * Where the good/bad split of a parameter is made: among the trials that have the parameter
   * (default), or among all finished trials before keeping those that have it (Optuna), which
   * leaves a conditional parameter of a rarely good branch with few or no good observations.
   */
  readonly splitOnAllTrials?: boolean;
  /** Treat RUNNING trials as bad results so parallel asks spread out. */
  readonly constantLiar?: boolean;
}

/** Options that make TpeSampler behave as Optuna's default TPESampler (3.1). */
export const OPTUNA_TPE_OPTIONS: TpeSamplerOptions = Object.freeze({
  multivariate: false,
  multivariateBandwidth: 'scott',
  rankWeightedBelow: false,
  magicClipExponent: 0,
  splitOnAllTrials: true,
});

/** Options with every default filled in. */
export interface TpeSettings {
  readonly nStartupTrials: number;
  readonly nEiCandidates: number;
  readonly gamma: (n: number) => number;
  readonly weights: (n: number) => number[];
  readonly parzen: ParzenParams;
  readonly constantLiar: boolean;
  readonly rankWeighted: boolean;
  readonly group: boolean;
  readonly clipExponent: number;
  readonly splitOnAll: boolean;
}

export function resolveTpeOptions(options: TpeSamplerOptions): TpeSettings {
  return {
    nStartupTrials: options.nStartupTrials ?? 10,
    nEiCandidates: options.nEiCandidates ?? 24,
    gamma: options.gamma ?? defaultGamma,
    weights: options.weights ?? defaultWeights,
    constantLiar: options.constantLiar ?? false,
    rankWeighted: options.rankWeightedBelow ?? true,
    group: options.group ?? false,
    clipExponent: options.magicClipExponent ?? 0.85,
    splitOnAll: options.splitOnAllTrials ?? false,
    parzen: {
      considerPrior: options.considerPrior ?? true,
      priorWeight: options.priorWeight ?? 1,
      considerMagicClip: options.considerMagicClip ?? true,
      considerEndpoints: options.considerEndpoints ?? false,
      multivariate: options.multivariate ?? true,
      multivariateBandwidth: options.multivariateBandwidth ?? 'neighbour',
    },
  };
}
