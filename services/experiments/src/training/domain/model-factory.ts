import {
  ColumnTransformer,
  DecisionTreeClassifier,
  DecisionTreeRegressor,
  ElasticNet,
  HistGradientBoostingClassifier,
  HistGradientBoostingRegressor,
  KNeighborsClassifier,
  KNeighborsRegressor,
  Lasso,
  LinearRegression,
  LogisticRegression,
  OneHotEncoder,
  Pipeline,
  RandomForestClassifier,
  RandomForestRegressor,
  Ridge,
  SimpleImputer,
  StandardScaler,
  type Estimator,
} from '@hydroml/ml';
import type { MlTask, ModelType } from '@hydroml/contracts';

type Params = Record<string, unknown>;

/** Imputation, scaling and one-hot encoding for models that need numbers without gaps. */
function prepared(model: Estimator): Estimator {
  const transformer = new ColumnTransformer([
    {
      columns: 'numeric',
      steps: [new SimpleImputer({ strategy: 'median' }), new StandardScaler()],
    },
    {
      columns: 'categorical',
      steps: [new SimpleImputer({ strategy: 'mostFrequent' }), new OneHotEncoder()],
    },
  ]);
  return new Pipeline([transformer], model);
}

/** A fresh, unfitted estimator (trees take NaN and category codes natively). */
export function buildEstimator(
  type: ModelType,
  task: MlTask,
  params: Params,
  threads: number,
): Estimator {
  const p = params as never;
  const cls = task === 'classification';
  switch (type) {
    case 'linear':
      return prepared(new LinearRegression());
    case 'ridge':
      return prepared(new Ridge(p));
    case 'lasso':
      return prepared(new Lasso(p));
    case 'elastic_net':
      return prepared(new ElasticNet(p));
    case 'logistic':
      return prepared(new LogisticRegression(p));
    case 'knn':
      return prepared(cls ? new KNeighborsClassifier(p) : new KNeighborsRegressor(p));
    case 'decision_tree':
      return cls ? new DecisionTreeClassifier(p) : new DecisionTreeRegressor(p);
    case 'random_forest': {
      const o = { ...params, nJobs: threads } as never;
      return cls ? new RandomForestClassifier(o) : new RandomForestRegressor(o);
    }
    case 'gradient_boosting': {
      const o = { ...params, nThreads: threads } as never;
      return cls ? new HistGradientBoostingClassifier(o) : new HistGradientBoostingRegressor(o);
    }
  }
}
