import {
  HistGradientBoostingClassifier,
  HistGradientBoostingRegressor,
} from '../boosting/hist-gradient-boosting.js';
import { RandomForestClassifier, RandomForestRegressor } from '../ensemble/random-forest.js';
import { ElasticNet, Lasso } from '../linear/elastic-net.js';
import { LinearRegression, Ridge } from '../linear/linear-regression.js';
import { LogisticRegression } from '../linear/logistic-regression.js';
import { KNeighborsClassifier, KNeighborsRegressor } from '../neighbors/k-neighbors.js';
import { ColumnTransformer } from '../preprocessing/column-transformer.js';
import { OneHotEncoder } from '../preprocessing/one-hot-encoder.js';
import { OrdinalEncoder } from '../preprocessing/ordinal-encoder.js';
import { Pipeline } from '../preprocessing/pipeline.js';
import { MinMaxScaler, RobustScaler, StandardScaler } from '../preprocessing/scalers.js';
import { SimpleImputer } from '../preprocessing/simple-imputer.js';
import { TargetEncoder } from '../preprocessing/target-encoder.js';
import { DecisionTreeClassifier, DecisionTreeRegressor } from '../tree/decision-tree.js';
import type { Estimator, ModelState, Transformer } from '../util/estimator.js';

const models: Record<string, (s: ModelState) => Estimator> = {
  LinearRegression: (s) => LinearRegression.fromState(s),
  Ridge: (s) => Ridge.fromState(s),
  Lasso: (s) => Lasso.fromState(s),
  ElasticNet: (s) => ElasticNet.fromState(s),
  LogisticRegression: (s) => LogisticRegression.fromState(s),
  DecisionTreeRegressor: (s) => DecisionTreeRegressor.fromState(s),
  DecisionTreeClassifier: (s) => DecisionTreeClassifier.fromState(s),
  RandomForestRegressor: (s) => RandomForestRegressor.fromState(s),
  RandomForestClassifier: (s) => RandomForestClassifier.fromState(s),
  HistGradientBoostingRegressor: (s) => HistGradientBoostingRegressor.fromState(s),
  HistGradientBoostingClassifier: (s) => HistGradientBoostingClassifier.fromState(s),
  KNeighborsRegressor: (s) => KNeighborsRegressor.fromState(s),
  KNeighborsClassifier: (s) => KNeighborsClassifier.fromState(s),
  Pipeline: (s) => Pipeline.fromState(s, loadTransformer, loadEstimator),
};

const transformers: Record<string, (s: ModelState) => Transformer> = {
  StandardScaler: (s) => StandardScaler.fromState(s),
  MinMaxScaler: (s) => MinMaxScaler.fromState(s),
  RobustScaler: (s) => RobustScaler.fromState(s),
  SimpleImputer: (s) => SimpleImputer.fromState(s),
  OneHotEncoder: (s) => OneHotEncoder.fromState(s),
  OrdinalEncoder: (s) => OrdinalEncoder.fromState(s),
  ColumnTransformer: (s) => ColumnTransformer.fromState(s, loadTransformer),
  TargetEncoder: (s) => TargetEncoder.fromState(s),
};

export function loadEstimator(state: ModelState): Estimator {
  const load = Object.hasOwn(models, state.kind) ? models[state.kind] : undefined;
  if (!load) throw new Error(`unknown model kind '${String(state.kind)}'`);
  return load(state);
}

export function loadTransformer(state: ModelState): Transformer {
  const load = Object.hasOwn(transformers, state.kind) ? transformers[state.kind] : undefined;
  if (!load) throw new Error(`unknown transformer kind '${String(state.kind)}'`);
  return load(state);
}
