import { DenseMatrix } from '../data/dense-matrix.js';
import { Random } from '../util/random.js';
import { addForestPredictions, packForest, type PackedForest } from './packed-forest.js';
import { TreeArrays } from './tree-arrays.js';

/** Random matrix with values on a coarse grid, so rows land exactly on thresholds too. */
function grid(n: number, p: number, seed: number): DenseMatrix {
  const rng = new Random(seed);
  const X = DenseMatrix.zeros(n, p);
  for (let i = 0; i < n; i++) for (let j = 0; j < p; j++) X.set(i, j, rng.int(9) - 4);
  return X;
}

/** A depth-3 tree whose right child is numbered before its left one (as boosting trees may be). */
function swappedTree(nOutputs: number): TreeArrays {
  // 0 splits on x1 <= 0: left 2, right 1; 1 splits on x0 <= 2: left 4, right 3; 2, 3, 4 are leaves
  const value = Float64Array.from({ length: 5 * nOutputs }, (_, i) => 0.1 * i + 1 / 3);
  return new TreeArrays(
    Int32Array.of(1, 0, -1, -1, -1),
    Float64Array.of(0, 2, 0, 0, 0),
    Int32Array.of(0, 0, 0, 0, 0),
    Int32Array.of(2, 4, -1, -1, -1),
    Int32Array.of(1, 3, -1, -1, -1),
    value,
    Float64Array.of(9, 5, 4, 2, 3),
    nOutputs,
  );
}

function stump(): TreeArrays {
  const one = (v: number) => Float64Array.of(v);
  return new TreeArrays(
    Int32Array.of(-1),
    one(0),
    Int32Array.of(0),
    Int32Array.of(-1),
    Int32Array.of(-1),
    one(2.5),
    one(1),
    1,
  );
}

function viaTrees(trees: TreeArrays[], X: DenseMatrix): Float64Array {
  const out = new Float64Array(X.nRows * trees[0].nOutputs);
  for (const t of trees) t.addPredictions(X, out, 1 / trees.length);
  return out;
}

function viaPacked(trees: TreeArrays[], X: DenseMatrix, shared: boolean): Float64Array {
  const out = new Float64Array(X.nRows * trees[0].nOutputs);
  const forest = packForest(trees, X.nCols, shared) as PackedForest;
  const codes = forest.coder.encode(X, shared) as Uint16Array;
  addForestPredictions(forest, codes, X.nCols, X.nRows, out, 1 / trees.length, [0, X.nRows]);
  return out;
}

describe('packForest / addForestPredictions', () => {
  const X = grid(203, 3, 5);

  it('gives bit-identical sums to TreeArrays#addPredictions, renumbering swapped children', () => {
    const trees = [swappedTree(1), stump(), swappedTree(1)];
    const expected = viaTrees(trees, X);
    expect(Array.from(viaPacked(trees, X, false))).toEqual(Array.from(expected));
    expect(Array.from(viaPacked(trees, X, true))).toEqual(Array.from(expected));
    expect(new Set(expected).size).toBeGreaterThan(2);
  });

  it('handles several outputs per leaf', () => {
    const trees = [swappedTree(3), swappedTree(3)];
    expect(Array.from(viaPacked(trees, X, false))).toEqual(Array.from(viaTrees(trees, X)));
  });

  it('sends rows on a threshold left and refuses X with missing values', () => {
    const onThreshold = DenseMatrix.fromRows([[2, 1, 0]]);
    const t = swappedTree(1);
    expect(viaPacked([t], onThreshold, false)[0]).toBe(t.value[4]);
    const forest = packForest([t], 3) as PackedForest;
    expect(forest.coder.encode(DenseMatrix.fromRows([[1, NaN, 0]]), false)).toBeNull();
  });
});
