export * from './core/errors.js';
export * from './core/distributions.js';
export * from './core/trial-model.js';
export { Rng } from './core/rng.js';
export type { HpoStorage, StudyRecord, TrialTemplate } from './storage/storage.js';
export { InMemoryStorage } from './storage/in-memory-storage.js';
export type { Sampler, SearchSpace, StudyView } from './samplers/sampler.js';
export { RandomSampler } from './samplers/random-sampler.js';
export { groupDecomposedSearchSpace, intersectionSearchSpace } from './samplers/search-space.js';
export { TpeSampler } from './samplers/tpe/tpe-sampler.js';
export { OPTUNA_TPE_OPTIONS, type TpeSamplerOptions } from './samplers/tpe/tpe-options.js';
export { defaultGamma, defaultWeights } from './samplers/tpe/tpe-split.js';
export type { Pruner, PrunerContext } from './pruners/pruner.js';
export { NopPruner } from './pruners/pruner.js';
export { Study } from './study/study.js';
export { Trial } from './study/trial.js';
export type { TellOutcome, TellOptions } from './study/tell.js';
export type { Objective, OptimizeOptions } from './study/optimize.js';
export { createStudy, loadStudy, type CreateStudyOptions } from './study/create-study.js';
export { dominates, nonDominatedRanks, paretoFront } from './analysis/pareto.js';
export { GridSampler, type GridSearchSpace } from './samplers/grid-sampler.js';
export {
  MedianPruner,
  PercentilePruner,
  percentileOf,
  type PercentilePrunerOptions,
} from './pruners/percentile-pruner.js';
export {
  SuccessiveHalvingPruner,
  type SuccessiveHalvingOptions,
} from './pruners/successive-halving-pruner.js';
export { HyperbandPruner, type HyperbandOptions } from './pruners/hyperband-pruner.js';
export { crc32 } from './pruners/crc32.js';
export { parameterImportance, type ImportanceOptions } from './analysis/importance.js';
export {
  contourData,
  intermediateValues,
  optimizationHistory,
  parallelCoordinates,
  sliceData,
  type HistoryPoint,
  type ParamPoint,
  type Target,
} from './analysis/plot-data.js';
export { checkStorageContract } from './storage/storage-contract.js';
export { hypervolume, hypervolumeContributionWeights } from './analysis/hypervolume.js';
export { trialFromJson, trialToJson, type TrialJson } from './core/trial-json.js';
export { fixedTrial } from './study/fixed-trial.js';
