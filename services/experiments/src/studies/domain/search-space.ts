import {
  GridSampler,
  MedianPruner,
  NopPruner,
  RandomSampler,
  SuccessiveHalvingPruner,
  TpeSampler,
  type Pruner,
  type Sampler,
  type Trial,
} from '@hydroml/hpo';
import {
  DomainError,
  type ModelType,
  type SearchParamDto,
  type StudyRequestDto,
} from '@hydroml/contracts';

type Choice = string | number | boolean;
export const MODEL_TYPE_PARAM = 'model_type';

export function modelTypesOf(request: StudyRequestDto): ModelType[] {
  return request.modelTypes?.length ? request.modelTypes : [request.spec.model.type];
}

function bad(message: string): DomainError {
  return new DomainError('invalid_argument', `search space: ${message}`);
}

/** Checks each parameter has what its kind needs (bounds or choices). */
export function validateSearch(request: StudyRequestDto): void {
  const names = new Set<string>();
  for (const p of request.search) {
    if (names.has(p.name) || p.name === MODEL_TYPE_PARAM) throw bad(`'${p.name}' appears twice`);
    names.add(p.name);
    if (p.type === 'categorical' && !p.choices?.length) throw bad(`'${p.name}' needs choices`);
    if (p.type !== 'categorical') {
      if (p.low === undefined || p.high === undefined) throw bad(`'${p.name}' needs low and high`);
      if (p.low > p.high) throw bad(`'${p.name}': low > high`);
      if (p.log && p.low <= 0) throw bad(`'${p.name}': a log scale needs low > 0`);
      if (p.log && p.step !== undefined) throw bad(`'${p.name}': log and step exclude each other`);
    }
  }
  if (request.sampler?.type === 'grid') gridSpace(request);
  validatePruner(request);
}

/**
 * A pruner acts on a trial's intermediate values, which trials report once per validation fold.
 * Hold-out validation (the default) fits once, so it reports none and a pruner could never stop a
 * trial: refuse it rather than accept a pruner that silently does nothing.
 */
export function validatePruner(request: StudyRequestDto): void {
  const pruner = request.pruner?.type ?? 'none';
  const validation = request.spec.validation?.mode ?? 'holdout';
  if (pruner === 'none' || validation !== 'holdout') return;
  throw new DomainError(
    'invalid_argument',
    `the ${pruner} pruner needs intermediate values, but hold-out validation fits each trial ` +
      `once and reports none: use k-fold or time-series cross-validation (spec.validation ` +
      `{mode: 'kfold' or 'timeseries', folds: n}, each fold's score is reported), or no pruner`,
  );
}

function gridValues(p: SearchParamDto): Choice[] {
  if (p.type === 'categorical') return p.choices ?? [];
  const step = p.step ?? (p.type === 'int' ? 1 : undefined);
  if (step === undefined) throw bad(`grid search needs a step for '${p.name}'`);
  const out: number[] = [];
  for (let v = p.low!; v <= p.high! + 1e-12; v += step) out.push(Math.round(v * 1e12) / 1e12);
  if (out.length > 1000) throw bad(`'${p.name}' has more than 1000 grid values`);
  return out;
}

/** The Cartesian grid: each parameter's values, plus the model types when there are several. */
export function gridSpace(request: StudyRequestDto): Record<string, Choice[]> {
  const space: Record<string, Choice[]> = {};
  const types = modelTypesOf(request);
  if (types.length > 1) space[MODEL_TYPE_PARAM] = types;
  for (const p of request.search) space[p.name] = gridValues(p);
  return space;
}

/** The number of points of a grid study (its sampler visits each once), else null. */
export function gridSize(request: StudyRequestDto): number | null {
  if (request.sampler?.type !== 'grid') return null;
  return Object.values(gridSpace(request)).reduce((n, values) => n * values.length, 1);
}

/**
 * The study's trial budget: as asked, else 20 (10,000 when only time limits it); a grid's budget
 * is at most its number of points (by default all of them), as more trials would repeat points.
 */
export function trialBudget(request: StudyRequestDto): number {
  const grid = gridSize(request);
  const asked = request.budget.trials ?? grid ?? (request.budget.timeoutSeconds ? 10_000 : 20);
  return grid === null ? asked : Math.min(asked, grid);
}

export function samplerOf(request: StudyRequestDto): Sampler {
  const seed = request.sampler?.seed;
  switch (request.sampler?.type ?? 'tpe') {
    case 'random':
      return new RandomSampler({ seed });
    case 'grid':
      return new GridSampler(gridSpace(request), { seed });
    case 'tpe':
      return new TpeSampler({ seed, constantLiar: true });
  }
}

export function prunerOf(request: StudyRequestDto): Pruner {
  switch (request.pruner?.type ?? 'none') {
    case 'none':
      return new NopPruner();
    case 'median':
      return new MedianPruner({ nStartupTrials: 5, nWarmupSteps: 0 });
    case 'successive_halving':
      return new SuccessiveHalvingPruner({});
  }
}

async function suggestOne(trial: Trial, p: SearchParamDto): Promise<Choice> {
  if (p.type === 'categorical') return trial.suggestCategorical<Choice>(p.name, p.choices!);
  const options = { log: p.log ?? false, ...(p.step === undefined ? {} : { step: p.step }) };
  return p.type === 'int'
    ? trial.suggestInt(p.name, p.low!, p.high!, options)
    : trial.suggestFloat(p.name, p.low!, p.high!, options);
}

/**
 * The trial's model type and hyperparameters: the spec's own parameters for its model type, then
 * the search space's parameters that apply to the chosen model type (conditional parameters).
 */
export async function suggestModel(
  trial: Trial,
  request: StudyRequestDto,
): Promise<{ type: ModelType; params: Record<string, unknown> }> {
  const types = modelTypesOf(request);
  const type =
    types.length > 1
      ? await trial.suggestCategorical<ModelType>(MODEL_TYPE_PARAM, types)
      : types[0];
  const params: Record<string, unknown> =
    type === request.spec.model.type ? { ...(request.spec.model.params ?? {}) } : {};
  for (const p of request.search) {
    if (p.models && !p.models.includes(type)) continue;
    params[p.name] = await suggestOne(trial, p);
  }
  return { type, params };
}
