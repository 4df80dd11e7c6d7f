import { DenseMatrix } from '../data/dense-matrix.js';
import { Random } from '../util/random.js';
import { ThresholdCoder } from './threshold-coder.js';
import { TreeArrays } from './tree-arrays.js';

/** A chain of splits on feature 0 at the given thresholds (each left child a leaf). */
function chain(thresholds: number[]): TreeArrays {
  const m = 2 * thresholds.length + 1;
  const feature = new Int32Array(m).fill(-1);
  const threshold = new Float64Array(m);
  const left = new Int32Array(m).fill(-1);
  const right = new Int32Array(m).fill(-1);
  thresholds.forEach((t, i) => {
    const node = 2 * i;
    feature[node] = 0;
    threshold[node] = t;
    left[node] = node + 1;
    right[node] = node + 2;
  });
  const zeros = new Float64Array(m);
  return new TreeArrays(feature, threshold, new Int32Array(m), left, right, zeros, zeros, 1);
}

describe('ThresholdCoder', () => {
  it('codes x so that x <= t exactly when code(x) <= rank(t), on and between thresholds', () => {
    const rng = new Random(4);
    const ts = Array.from({ length: 300 }, () => Math.round(rng.next() * 1e4) / 100 - 50);
    ts.push(Infinity, 1e-9, -1e-9);
    const coder = ThresholdCoder.fit([chain(ts.slice(0, 150)), chain(ts.slice(150))], 1);
    expect(coder).not.toBeNull();
    const xs = [...ts, -Infinity, Infinity, -1e9, 1e9, 0, ...ts.map((t) => t + 1e-7)];
    xs.push(...Array.from({ length: 500 }, () => rng.next() * 120 - 60));
    const codes = coder?.encode(DenseMatrix.fromColumns([xs]), false) as Uint16Array;
    const wrong: number[][] = [];
    for (const t of ts) {
      const rank = coder?.rankOf(0, t) as number;
      xs.forEach((x, i) => {
        if (codes[i] <= rank !== x <= t) wrong.push([x, t]);
      });
    }
    expect(wrong).toEqual([]);
  });

  it('refuses features with more than 65,534 distinct thresholds', () => {
    const many = Array.from({ length: 70_000 }, (_, i) => i);
    expect(ThresholdCoder.fit([chain(many)], 1)).toBeNull();
  });
});
