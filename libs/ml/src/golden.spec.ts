// Compares results with scikit-learn answers stored in test-fixtures/golden.json
// (regenerate with /usr/bin/python3 libs/ml/test-fixtures/generate.py).
import { readFileSync } from 'node:fs';
import {
  HistGradientBoostingClassifier,
  HistGradientBoostingRegressor,
} from './boosting/hist-gradient-boosting.js';
import { DenseMatrix } from './data/dense-matrix.js';
import { ElasticNet, Lasso } from './linear/elastic-net.js';
import { LinearRegression, Ridge } from './linear/linear-regression.js';
import { LogisticRegression } from './linear/logistic-regression.js';
import * as metrics from './metrics/index.js';
import { KNeighborsClassifier, KNeighborsRegressor } from './neighbors/k-neighbors.js';
import { MinMaxScaler, RobustScaler, StandardScaler } from './preprocessing/scalers.js';
import { DecisionTreeClassifier, DecisionTreeRegressor } from './tree/decision-tree.js';

type Rows = (number | null)[][];
interface Golden {
  linear: {
    X: number[][];
    y: number[];
    yBinary: number[];
    yMulti: number[];
    ols: { coef: number[]; intercept: number };
    ridge: { coef: number[]; intercept: number };
    lasso: { coef: number[]; intercept: number };
    elasticNet: { coef: number[]; intercept: number };
    logisticBinary: { coef: number[][]; intercept: number[]; proba: number[][] };
    logisticMulti: { coef: number[][]; intercept: number[]; proba: number[][] };
  };
  metrics: Record<string, number> & {
    yTrue: number[];
    yPred: number[];
    cTrue: number[];
    cPred: number[];
    bTrue: number[];
    score: number[];
    proba: number[][];
    confusion: number[][];
  };
  scalers: {
    X: Rows;
    standard: { mean: number[]; scale: number[] };
    robust: { center: number[]; scale: number[] };
    minMax: { min: number[]; max: number[] };
  };
  trees: {
    X: number[][];
    y: number[];
    yClass: number[];
    Xtest: number[][];
    regPred: number[];
    regImportance: number[];
    regTrainPred: number[];
    clfTrainPred: number[];
    clfPred: number[];
  };
  boosting: {
    X: Rows;
    y: number[];
    yClass: number[];
    Xtest: number[][];
    regPred: number[];
    clfProba: number[];
  };
  knn: {
    X: number[][];
    y: number[];
    yClass: number[];
    Xtest: number[][];
    regPred: number[];
    regPredDistance: number[];
    clfProba: number[];
  };
}

const golden = JSON.parse(
  readFileSync(new URL('../test-fixtures/golden.json', import.meta.url), 'utf8'),
) as Golden;

const matrix = (rows: Rows): DenseMatrix =>
  DenseMatrix.fromRows(rows.map((r) => r.map((v) => v ?? NaN)));

function expectClose(actual: ArrayLike<number>, expected: readonly number[], tol: number): void {
  expect(actual.length).toBe(expected.length);
  const worst = Math.max(...expected.map((e, i) => Math.abs(actual[i] - e)));
  expect(worst).toBeLessThan(tol);
}

describe('agreement with scikit-learn (golden fixtures)', () => {
  const L = golden.linear;

  it('LinearRegression and Ridge match closed-form answers', () => {
    const ols = new LinearRegression().fit(L.X, L.y);
    expectClose(ols.coef, L.ols.coef, 1e-10);
    expect(ols.intercept).toBeCloseTo(L.ols.intercept, 10);
    const ridge = new Ridge({ alpha: 1 }).fit(L.X, L.y);
    expectClose(ridge.coef, L.ridge.coef, 1e-10);
    expect(ridge.intercept).toBeCloseTo(L.ridge.intercept, 10);
  });

  it('Lasso and ElasticNet match coordinate descent results', () => {
    const lasso = new Lasso({ alpha: 0.1, tol: 1e-10, maxIter: 100000 }).fit(L.X, L.y);
    expectClose(lasso.coef, L.lasso.coef, 1e-6);
    const en = new ElasticNet({ alpha: 0.1, l1Ratio: 0.5, tol: 1e-10, maxIter: 100000 }).fit(
      L.X,
      L.y,
    );
    expectClose(en.coef, L.elasticNet.coef, 1e-6);
    expect(en.intercept).toBeCloseTo(L.elasticNet.intercept, 6);
  });

  it('LogisticRegression matches binomial and multinomial fits', () => {
    const bin = new LogisticRegression({ tol: 1e-9, maxIter: 1000 }).fit(L.X, L.yBinary);
    expect(Array.from(bin.classes)).toEqual([0, 1]);
    expectClose(bin.coef[0], L.logisticBinary.coef[0], 1e-4);
    expectClose(bin.intercept, L.logisticBinary.intercept, 1e-4);
    const multi = new LogisticRegression({ tol: 1e-9, maxIter: 1000 }).fit(L.X, L.yMulti);
    multi.coef.forEach((row, k) => expectClose(row, L.logisticMulti.coef[k], 1e-4));
    const proba = multi.predictProba(L.X.slice(0, 5)).toRows();
    proba.forEach((row, i) => expectClose(row, L.logisticMulti.proba[i], 1e-5));
  });

  it('metrics match scikit-learn', () => {
    const M = golden.metrics;
    const reg: [string, (t: number[], p: number[]) => number][] = [
      ['r2', metrics.r2],
      ['mse', metrics.mse],
      ['mae', metrics.mae],
      ['mape', metrics.mape],
      ['maxError', metrics.maxError],
      ['explainedVariance', metrics.explainedVariance],
    ];
    for (const [name, fn] of reg) expect(fn(M.yTrue, M.yPred)).toBeCloseTo(M[name], 10);
    expect(metrics.accuracy(M.cTrue, M.cPred)).toBeCloseTo(M.accuracy, 12);
    expect(metrics.balancedAccuracy(M.cTrue, M.cPred)).toBeCloseTo(M.balancedAccuracy, 12);
    expect(metrics.f1(M.cTrue, M.cPred, { average: 'macro' })).toBeCloseTo(M.f1Macro, 12);
    expect(metrics.f1(M.cTrue, M.cPred, { average: 'weighted' })).toBeCloseTo(M.f1Weighted, 12);
    expect(metrics.precision(M.cTrue, M.cPred, { average: 'macro' })).toBeCloseTo(
      M.precisionMacro,
      12,
    );
    expect(metrics.recall(M.cTrue, M.cPred, { average: 'weighted' })).toBeCloseTo(
      M.recallWeighted,
      12,
    );
    const bPred = M.cPred.map((c) => (c === 1 ? 1 : 0));
    expect(metrics.f1(M.bTrue, bPred)).toBeCloseTo(M.f1Binary, 12);
    expect(metrics.confusionMatrix(M.cTrue, M.cPred).matrix).toEqual(M.confusion);
    expect(metrics.rocAuc(M.bTrue, M.score)).toBeCloseTo(M.rocAucBinary, 12);
    expect(metrics.rocAuc(M.cTrue, M.proba)).toBeCloseTo(M.rocAucOvr, 12);
    expect(metrics.logLoss(M.cTrue, M.proba)).toBeCloseTo(M.logLoss, 10);
  });

  it('scalers learn the same statistics, ignoring NaN', () => {
    const S = golden.scalers;
    const X = matrix(S.X);
    expect(Number.isNaN(X.get(3, 0))).toBe(true);
    const std = new StandardScaler().fit(X).parameters;
    expectClose(std.center, S.standard.mean, 1e-10);
    expectClose(std.scale, S.standard.scale, 1e-10);
    const rob = new RobustScaler().fit(X).parameters;
    expectClose(rob.center, S.robust.center, 1e-10);
    expectClose(rob.scale, S.robust.scale, 1e-10);
    const mm = new MinMaxScaler().fit(X).parameters;
    expectClose(mm.center, S.minMax.min, 1e-12);
    expectClose(
      mm.scale,
      S.minMax.max.map((v, j) => v - S.minMax.min[j]),
      1e-12,
    );
  });

  it('decision trees partition the training data as scikit-learn does', () => {
    // Thresholds sit at midpoints between globally adjacent values (scikit-learn: node-locally
    // adjacent), and equal-gain splits may pick another feature, so unseen points can differ.
    const T = golden.trees;
    const reg = new DecisionTreeRegressor({ maxDepth: 4 }).fit(T.X, T.y);
    expectClose(reg.predict(T.X), T.regTrainPred, 1e-9);
    const clf = new DecisionTreeClassifier({ maxDepth: 4 }).fit(T.X, T.yClass);
    expect(Array.from(clf.predict(T.X))).toEqual(T.clfTrainPred);
  });

  it('histogram gradient boosting follows scikit-learn closely, missing values included', () => {
    const B = golden.boosting;
    const X = matrix(B.X);
    const reg = new HistGradientBoostingRegressor({ earlyStopping: false }).fit(X, B.y);
    const pred = reg.predict(B.Xtest);
    expect(metrics.r2(B.regPred, pred)).toBeGreaterThan(0.99);
    const clf = new HistGradientBoostingClassifier({ earlyStopping: false }).fit(X, B.yClass);
    const p1 = clf.predictProba(B.Xtest).column(1);
    expect(metrics.mae(B.clfProba, p1)).toBeLessThan(0.02);
  });

  it('k-nearest neighbours give identical predictions', () => {
    const K = golden.knn;
    expect(K.Xtest).toHaveLength(20);
    expectClose(new KNeighborsRegressor().fit(K.X, K.y).predict(K.Xtest), K.regPred, 1e-12);
    const dist = new KNeighborsRegressor({ weights: 'distance' }).fit(K.X, K.y);
    expectClose(dist.predict(K.Xtest), K.regPredDistance, 1e-10);
    expectClose(
      new KNeighborsClassifier().fit(K.X, K.yClass).predictProba(K.Xtest).column(1),
      K.clfProba,
      1e-12,
    );
  });
});
