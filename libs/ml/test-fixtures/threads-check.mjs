// Fits with and without worker threads using the built library and prints whether the results are
// identical. Run by src/threads.spec.ts (needs `npx tsc -b libs/ml` first).
import * as ml from '../dist/index.js';

const rng = new ml.Random(3);
const n = 12_000;
const p = 20;
const X = ml.DenseMatrix.zeros(n, p);
const y = new Float64Array(n);
for (let i = 0; i < n; i++) {
  for (let j = 0; j < p; j++) X.set(i, j, j === 4 && i % 9 === 0 ? NaN : rng.next());
  y[i] = 3 * X.get(i, 0) + Math.sin(6 * X.get(i, 1)) + rng.next();
}
const labels = y.map((v) => (v > 2.5 ? 1 : 0));
const same = (a, b) => a.length === b.length && a.every((v, i) => Object.is(v, b[i]));

const rf1 = new ml.RandomForestRegressor({ nEstimators: 6, nJobs: 1, seed: 4 })
  .fit(X, y)
  .predict(X);
const rf2 = new ml.RandomForestRegressor({ nEstimators: 6, nJobs: 3, seed: 4 })
  .fit(X, y)
  .predict(X);
// the progress hook counts trees grown in workers too, and changes nothing
const forestProgress = [];
const rf3 = new ml.RandomForestRegressor({ nEstimators: 6, nJobs: 3, seed: 4 })
  .fit(X, y, { onProgress: (done, total) => forestProgress.push([done, total]) })
  .predict(X);
const hgbProgress = [];
const hgb3 = new ml.HistGradientBoostingRegressor({ maxIter: 15, nThreads: 2 })
  .fit(X, y, { onProgress: (done) => hgbProgress.push(done) })
  .predict(X);
const hgb1 = new ml.HistGradientBoostingRegressor({ maxIter: 15, nThreads: 1 })
  .fit(X, y)
  .predict(X);
const hgb2 = new ml.HistGradientBoostingRegressor({ maxIter: 15, nThreads: 2 })
  .fit(X, y)
  .predict(X);
// prediction threads need at least 20,000 rows each: 45,000 rows give two threads
const big = ml.DenseMatrix.zeros(45_000, p);
for (let i = 0; i < big.nRows; i++) for (let j = 0; j < p; j++) big.set(i, j, rng.next());
const rfc = new ml.RandomForestClassifier({ nEstimators: 5, nJobs: 2, seed: 2 }).fit(X, labels);
const serialRfc = ml.RandomForestClassifier.fromState(rfc.toState());
const rfr = new ml.RandomForestRegressor({ nEstimators: 5, nJobs: 2, seed: 2 }).fit(X, y);
const serialRfr = ml.RandomForestRegressor.fromState(rfr.toState());
const withNaN = ml.DenseMatrix.fromColumns(Array.from({ length: p }, (_, j) => big.column(j)));
withNaN.set(7, 3, NaN);
const cls1 = new ml.HistGradientBoostingClassifier({ maxIter: 10, nThreads: 1 }).fit(X, labels);
const cls2 = new ml.HistGradientBoostingClassifier({ maxIter: 10, nThreads: 3 }).fit(X, labels);
const serialCls = ml.HistGradientBoostingClassifier.fromState(cls2.toState());
console.log(
  JSON.stringify({
    forest: same(rf1, rf2),
    boosting: same(hgb1, hgb2),
    classifier: same(cls1.predictProba(X).data, cls2.predictProba(X).data),
    parallelPredict:
      same(rfc.predictProba(big).data, serialRfc.predictProba(big).data) &&
      same(rfr.predict(big), serialRfr.predict(big)) &&
      same(rfr.predict(withNaN), serialRfr.predict(withNaN)) &&
      new Set(rfr.predict(big)).size > 100 &&
      same(cls2.predictProba(big).data, serialCls.predictProba(big).data),
    nonTrivial: ml.metrics.r2(y, hgb2) > 0.8,
    progress:
      same(rf3, rf1) &&
      same(hgb3, hgb1) &&
      forestProgress.length > 0 &&
      forestProgress.every(([d, t], i) => t === 6 && d > (i ? forestProgress[i - 1][0] : 0)) &&
      forestProgress.at(-1)[0] === 6 &&
      hgbProgress.join() === Array.from({ length: 15 }, (_, i) => i + 1).join(),
  }),
);
