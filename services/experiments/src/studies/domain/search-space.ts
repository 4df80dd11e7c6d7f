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
