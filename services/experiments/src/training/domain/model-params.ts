import { DomainError, type MlTask, type ModelType } from '@hydroml/contracts';

type Params = Record<string, unknown>;

/** Hyperparameters each model type accepts (libs/ml option names) and their kind. */
export const MODEL_PARAMS: Record<ModelType, Record<string, 'number' | 'string' | 'boolean'>> = {
  linear: {},
  ridge: { alpha: 'number' },
  lasso: { alpha: 'number', maxIter: 'number', tol: 'number' },
  elastic_net: { alpha: 'number', l1Ratio: 'number', maxIter: 'number', tol: 'number' },
  logistic: { C: 'number', maxIter: 'number', tol: 'number' },
  decision_tree: {
    ...{ maxDepth: 'number', minSamplesSplit: 'number', minSamplesLeaf: 'number' },
    ...{ maxFeatures: 'number', criterion: 'string', seed: 'number' },
  },
  random_forest: {
    ...{ nEstimators: 'number', maxDepth: 'number', minSamplesSplit: 'number' },
    ...{ minSamplesLeaf: 'number', maxFeatures: 'number', bootstrap: 'boolean', seed: 'number' },
  },
  gradient_boosting: {
    ...{ learningRate: 'number', maxIter: 'number', maxLeafNodes: 'number', maxDepth: 'number' },
    ...{ minSamplesLeaf: 'number', l2Regularization: 'number', maxBins: 'number' },
    ...{ earlyStopping: 'boolean', seed: 'number', loss: 'string' },
  },
  knn: { nNeighbors: 'number', weights: 'string' },
};

const CLASSIFIER_ONLY: ModelType[] = ['logistic'];
const REGRESSOR_ONLY: ModelType[] = ['linear', 'ridge', 'lasso', 'elastic_net'];

/** Checks the model type fits the task and keeps only known hyperparameters of the right kind. */
export function checkModelParams(type: ModelType, task: MlTask, params: Params = {}): Params {
  if (task === 'regression' && CLASSIFIER_ONLY.includes(type)) {
    throw new DomainError('invalid_argument', `model ${type} is for classification`);
  }
  if (task === 'classification' && REGRESSOR_ONLY.includes(type)) {
    throw new DomainError('invalid_argument', `model ${type} is for regression`);
  }
  const known = MODEL_PARAMS[type];
  const out: Params = {};
  for (const [key, value] of Object.entries(params)) {
    const kind = known[key];
    if (!kind) {
      throw new DomainError('invalid_argument', `model ${type} has no hyperparameter '${key}'`, {
        accepted: Object.keys(known),
      });
    }
    if (value === null && (key === 'maxDepth' || key === 'maxFeatures')) out[key] = null;
    else if (typeof value !== kind) {
      throw new DomainError('invalid_argument', `hyperparameter '${key}' must be a ${kind}`);
    } else out[key] = value;
  }
  return out;
}

/** Hyperparameters of a preset: checked like a training's, whatever the task. */
export function checkPresetParams(type: ModelType, params: Params = {}): Params {
  return checkModelParams(type, type === 'logistic' ? 'classification' : 'regression', params);
}

/** A run's logged (string) parameter back to the kind the model type expects. */
export function parseParam(type: ModelType, key: string, value: string): unknown {
  const kind = MODEL_PARAMS[type][key];
  if (!kind) return undefined;
  if (value === 'null') return null;
  if (kind === 'number') return Number(value);
  if (kind === 'boolean') return value === 'true';
  return value;
}
