import { fromColumnar } from '../data/columnar.js';
import { DenseMatrix } from '../data/dense-matrix.js';
import { LinearRegression } from '../linear/linear-regression.js';
import { LogisticRegression } from '../linear/logistic-regression.js';
import { ColumnTransformer } from './column-transformer.js';
import { OneHotEncoder } from './one-hot-encoder.js';
import { OrdinalEncoder } from './ordinal-encoder.js';
import { Pipeline } from './pipeline.js';
import { MinMaxScaler, RobustScaler, StandardScaler } from './scalers.js';
import { SimpleImputer } from './simple-imputer.js';

const withGaps = DenseMatrix.fromRows([
  [1, 10],
  [NaN, 10],
  [3, 20],
  [4, NaN],
]);

describe('SimpleImputer', () => {
  it.each([
    ['mean', [8 / 3, 40 / 3]],
    ['median', [3, 10]],
    ['mostFrequent', [1, 10]],
    ['constant', [-1, -1]],
  ] as const)('fills NaN with the %s of the training column', (strategy, expected) => {
    const imp = new SimpleImputer({ strategy, fillValue: -1 }).fit(withGaps);
    expect(Array.from(imp.statistics)).toEqual(expected);
    const out = imp.transform(withGaps);
    expect(out.get(1, 0)).toBe(expected[0]);
    expect(out.get(3, 1)).toBe(expected[1]);
    expect(out.get(0, 0)).toBe(1);
  });

  it('appends missing-indicator columns for columns that had gaps', () => {
    const out = new SimpleImputer({ addIndicator: true }).fit(withGaps).transform(withGaps);
    expect(out.nCols).toBe(4);
    expect(Array.from(out.column(2))).toEqual([0, 1, 0, 0]);
    expect(out.columns[3].name).toBe('missing(x1)');
  });

  it('refuses to transform before fit or with another width', () => {
    expect(() => new SimpleImputer().transform(withGaps)).toThrow(/not fitted/);
    const imp = new SimpleImputer().fit(withGaps);
    expect(() => imp.transform(DenseMatrix.zeros(1, 3))).toThrow(RangeError);
  });
});

describe('scalers', () => {
  const X = DenseMatrix.fromRows([[1], [2], [3], [4], [100]]);

  it('standardise to zero mean and unit variance', () => {
    const out = new StandardScaler().fit(X).transform(X);
    const col = Array.from(out.column(0));
    expect(col.reduce((a, b) => a + b, 0)).toBeCloseTo(0, 12);
    expect(col.reduce((a, b) => a + b * b, 0) / 5).toBeCloseTo(1, 12);
  });

  it('map the training range to [0, 1] and centre on the median by IQR', () => {
    expect(Array.from(new MinMaxScaler().fit(X).transform(X).column(0))).toEqual([
      0,
      1 / 99,
      2 / 99,
      3 / 99,
      1,
    ]);
    const rob = new RobustScaler().fit(X).transform(X);
    expect(Array.from(rob.column(0))).toEqual([-1, -0.5, 0, 0.5, 48.5]);
  });

  it('leave constant columns unscaled', () => {
    const c = DenseMatrix.fromRows([[5], [5]]);
    expect(Array.from(new StandardScaler().fit(c).transform(c).column(0))).toEqual([0, 0]);
  });
});

describe('categorical encoders', () => {
  const train = fromColumnar([
    { name: 'city', values: ['rome', 'oslo', 'rome', 'lima', 'rome', 'oslo'] },
  ]);
  // encoded separately, so its dictionary differs from the training one
  const test = fromColumnar([{ name: 'city', values: ['oslo', 'paris', null, 'lima'] }]);

  it('one-hot encodes by category label and ignores unknown categories', () => {
    const enc = new OneHotEncoder().fit(train);
    expect(enc.featureNames).toEqual(['city=lima', 'city=oslo', 'city=rome']);
    expect(enc.transform(test).toRows()).toEqual([
      [0, 1, 0],
      [0, 0, 0],
      [0, 0, 0],
      [1, 0, 0],
    ]);
  });

  it('buckets infrequent categories into one column', () => {
    const enc = new OneHotEncoder({ minFrequency: 2 }).fit(train);
    expect(enc.featureNames).toEqual(['city=oslo', 'city=rome', 'city=infrequent']);
    expect(enc.transform(test).row(3)).toEqual([0, 0, 1]);
    expect(enc.transform(test).row(1)).toEqual([0, 0, 0]);
  });

  it('ordinal-encodes in sorted order with NaN for unknown categories', () => {
    const out = new OrdinalEncoder().fit(train).transform(test);
    expect(Array.from(out.column(0))).toEqual([1, NaN, NaN, 0]);
    expect(out.columns[0].categories).toEqual(['lima', 'oslo', 'rome']);
  });
});

describe('ColumnTransformer and Pipeline', () => {
  const data = fromColumnar([
    { name: 'size', values: [1, 2, null, 4, 5, 6] },
    { name: 'kind', values: ['a', 'b', 'a', 'b', 'a', 'b'] },
    { name: 'id', values: [9, 9, 9, 9, 9, 9] },
  ]);
  const y = [3, 14, 8.2, 18, 11, 22];

  it('applies branches to columns chosen by type or name and passes the rest through', () => {
    const ct = new ColumnTransformer(
      [
        { columns: ['size'], steps: [new SimpleImputer({ strategy: 'median' })] },
        { columns: 'categorical', steps: [new OneHotEncoder()] },
      ],
      { remainder: 'passthrough' },
    );
    const out = ct.fit(data).transform(data);
    expect(out.columns.map((c) => c.name)).toEqual(['size', 'kind=a', 'kind=b', 'id']);
    expect(out.row(2)).toEqual([4, 1, 0, 9]);
  });

  it('chains preprocessing with a model, fitting each step on training data', () => {
    const pipe = new Pipeline(
      [
        new ColumnTransformer([
          { columns: 'numeric', steps: [new SimpleImputer(), new StandardScaler()] },
          { columns: ['kind'], steps: [new OneHotEncoder()] },
        ]),
      ],
      new LinearRegression(),
    );
    pipe.fit(data, y);
    const pred = pipe.predict(data);
    expect(pred[0]).toBeCloseTo(3, 8);
    expect(pred[5]).toBeCloseTo(22, 8);
    expect(() => pipe.classes).toThrow(TypeError);
  });

  it('exposes classifier probabilities through the pipeline', () => {
    const pipe = new Pipeline([new StandardScaler()], new LogisticRegression()).fit(
      [[0], [1], [2], [3]],
      [0, 0, 1, 1],
    );
    expect(Array.from(pipe.classes)).toEqual([0, 1]);
    expect(pipe.predictProba([[3]]).get(0, 1)).toBeGreaterThan(0.5);
  });
});
