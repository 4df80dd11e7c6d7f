import {
  HistGradientBoostingClassifier,
  HistGradientBoostingRegressor,
} from '../boosting/hist-gradient-boosting.js';
import { fromColumnar } from '../data/columnar.js';
import { DenseMatrix } from '../data/dense-matrix.js';
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
import { DecisionTreeClassifier, DecisionTreeRegressor } from '../tree/decision-tree.js';
import { isClassifier, type Estimator } from '../util/estimator.js';
import { readFileSync } from 'node:fs';
import { Random } from '../util/random.js';
import { loadModel, MODEL_FORMAT_VERSION, ModelFormatError, saveModel } from './model-format.js';

const rng = new Random(11);
const X = DenseMatrix.fromRows(
  Array.from({ length: 120 }, (_, i) => [
    rng.next(),
    rng.next() * 3,
    i % 7 === 0 ? NaN : rng.next(),
  ]),
);
const yReg = Float64Array.from({ length: 120 }, (_, i) => X.get(i, 0) * 2 + X.get(i, 1));
const yCls = yReg.map((v) => (v > 2.5 ? 1 : v > 1.5 ? 2 : 0));
const clean = new SimpleImputer().fit(X).transform(X);

function roundTrip(model: Estimator, data: DenseMatrix): void {
  const restored = loadModel(saveModel(model)).model;
  expect(Array.from(restored.predict(data))).toEqual(Array.from(model.predict(data)));
  if (isClassifier(model) && isClassifier(restored)) {
    expect(Array.from(restored.predictProba(data).data)).toEqual(
      Array.from(model.predictProba(data).data),
    );
  }
}

describe('model format', () => {
  it.each([
    ['LinearRegression', () => new LinearRegression().fit(clean, yReg)],
    ['Ridge', () => new Ridge({ alpha: 0.3 }).fit(clean, yReg)],
    ['Lasso', () => new Lasso({ alpha: 0.01 }).fit(clean, yReg)],
    ['ElasticNet', () => new ElasticNet({ alpha: 0.01 }).fit(clean, yReg)],
    ['LogisticRegression', () => new LogisticRegression().fit(clean, yCls)],
    ['KNeighborsRegressor', () => new KNeighborsRegressor().fit(clean, yReg)],
    [
      'KNeighborsClassifier',
      () => new KNeighborsClassifier({ weights: 'distance' }).fit(clean, yCls),
    ],
    ['DecisionTreeRegressor', () => new DecisionTreeRegressor().fit(X, yReg)],
    [
      'DecisionTreeClassifier',
      () => new DecisionTreeClassifier({ criterion: 'entropy' }).fit(X, yCls),
    ],
    ['RandomForestRegressor', () => new RandomForestRegressor({ nEstimators: 5 }).fit(X, yReg)],
    ['RandomForestClassifier', () => new RandomForestClassifier({ nEstimators: 5 }).fit(X, yCls)],
    [
      'HistGradientBoostingRegressor',
      () => new HistGradientBoostingRegressor({ maxIter: 10 }).fit(X, yReg),
    ],
    [
      'HistGradientBoostingClassifier',
      () => new HistGradientBoostingClassifier({ maxIter: 10 }).fit(X, yCls),
    ],
  ] as const)('%s predicts bit for bit the same after save and load', (_name, make) => {
    const model: Estimator = make();
    expect(JSON.parse(saveModel(model))).toMatchObject({
      version: MODEL_FORMAT_VERSION,
      model: { kind: _name },
    });
    roundTrip(
      model,
      _name.includes('Tree') || _name.includes('Forest') || _name.includes('Hist') ? X : clean,
    );
  });

  it('round-trips a whole pipeline with column selection, encoders and scalers', () => {
    const data = fromColumnar([
      { name: 'a', values: Array.from(X.column(0)) },
      { name: 'b', values: Array.from(X.column(2)) },
      { name: 'kind', values: Array.from({ length: 120 }, (_, i) => ['x', 'y', 'z'][i % 3]) },
    ]);
    const pipe = new Pipeline(
      [
        new ColumnTransformer(
          [
            { columns: ['a'], steps: [new RobustScaler()] },
            {
              columns: ['b'],
              steps: [new SimpleImputer({ addIndicator: true }), new MinMaxScaler()],
            },
            { columns: 'categorical', steps: [new OneHotEncoder({ minFrequency: 0.2 })] },
            { columns: ['kind'], steps: [new OrdinalEncoder()] },
          ],
          { remainder: 'passthrough' },
        ),
        new StandardScaler(),
      ],
      new Ridge(),
    ).fit(data, yReg);
    const json = saveModel(pipe, { features: data.columns, training: { rows: 120 } });
    const loaded = loadModel(json);
    expect(Array.from(loaded.model.predict(data))).toEqual(Array.from(pipe.predict(data)));
    expect(loaded.training).toEqual({ rows: 120 });
    expect(loaded.features).toEqual([
      { name: 'a', type: 'numeric', categories: null },
      { name: 'b', type: 'numeric', categories: null },
      { name: 'kind', type: 'categorical', categories: ['x', 'y', 'z'] },
    ]);
  });

  it('fails clearly on an unknown version, a foreign document or a corrupt file', () => {
    const json = saveModel(new LinearRegression().fit(clean, yReg));
    const doc = JSON.parse(json) as { version: number; model: { kind: string; coef: string } };
    expect(() => loadModel(JSON.stringify({ ...doc, version: 99 }))).toThrow(
      /unsupported model format version 99/,
    );
    expect(() => loadModel(JSON.stringify({ ...doc, version: 0 }))).toThrow(/version 0/);
    expect(() => loadModel('{"hello":1}')).toThrow(ModelFormatError);
    expect(() => loadModel(json.slice(0, 40))).toThrow(/not JSON/);
    expect(() => loadModel(JSON.stringify({ ...doc, model: { kind: 'Nope' } }))).toThrow(
      /unknown model kind 'Nope'/,
    );
    expect(() =>
      loadModel(JSON.stringify({ ...doc, model: { ...doc.model, coef: 'AAA' } })),
    ).toThrow(/corrupt/);
    expect(() => loadModel(JSON.stringify({ ...doc, model: null }))).toThrow(/missing model state/);
  });

  it('reads version 1 files (trees as base64 arrays): same predictions as when they were saved', () => {
    const fixture = JSON.parse(
      readFileSync(new URL('./fixtures/model-v1.json', import.meta.url), 'utf8'),
    ) as V1Fixture;
    const rows = DenseMatrix.fromRows(fixture.rows.map((r) => r.map((v) => v ?? NaN)));
    for (const [kind, saved] of Object.entries(fixture.models)) {
      expect(JSON.parse(saved.file)).toMatchObject({ version: 1, model: { kind } });
      const { model, training } = loadModel(saved.file);
      expect(training).toEqual({ rows: 80 });
      expect(Array.from(model.predict(rows))).toEqual(saved.predictions);
      const proba = isClassifier(model) ? Array.from(model.predictProba(rows).data) : null;
      expect(proba).toEqual(saved.proba);
      // saved again, in the current format: smaller for trees, same predictions
      const again = saveModel(model, { training: { rows: 80 } });
      expect(again.length).toBeLessThan(saved.file.length);
      expect(Array.from(loadModel(again).model.predict(rows))).toEqual(saved.predictions);
    }
  });
});

interface V1Fixture {
  rows: Array<Array<number | null>>;
  models: Record<string, { file: string; predictions: number[]; proba: number[] | null }>;
}
