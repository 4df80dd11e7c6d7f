import { DenseMatrix } from '../data/dense-matrix.js';
import { Random } from '../util/random.js';
import { centredGram } from './centred-gram.js';

function naive(X: DenseMatrix, y: Float64Array, mu: Float64Array, yMean: number) {
  const p = X.nCols;
  const xtx = new Float64Array(p * p);
  const xty = new Float64Array(p);
  for (let i = 0; i < X.nRows; i++) {
    for (let j = 0; j < p; j++) {
      const a = X.get(i, j) - mu[j];
      xty[j] += a * (y[i] - yMean);
      for (let k = 0; k < p; k++) xtx[j * p + k] += a * (X.get(i, k) - mu[k]);
    }
  }
  return { xtx, xty };
}

describe('centredGram', () => {
  it.each([1, 3, 4, 7])('matches the direct sums with %i columns over several row blocks', (p) => {
    const rng = new Random(p);
    const n = 2500;
    const X = DenseMatrix.zeros(n, p);
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < p; j++) X.set(i, j, 1000 + rng.next() * (j + 1));
      y[i] = rng.next() - 0.5 + X.get(i, 0);
    }
    const mu = Float64Array.from({ length: p }, (_, j) => 1000 + (j + 1) / 2);
    const got = centredGram(X, y, mu, 1000.5);
    const want = naive(X, y, mu, 1000.5);
    want.xtx.forEach((v, i) => expect(got.xtx[i]).toBeCloseTo(v, 8));
    want.xty.forEach((v, i) => expect(got.xty[i]).toBeCloseTo(v, 8));
  });
});
