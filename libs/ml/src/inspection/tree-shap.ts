import { DenseMatrix, toMatrix, type MatrixLike } from '../data/dense-matrix.js';
import type { TreeArrays } from '../tree/tree-arrays.js';

/** Trees whose outputs are summed: prediction = base + scale · Σ tree output (for one output). */
export interface TreeEnsembleView {
  readonly trees: readonly TreeArrays[];
  readonly scale: number;
  readonly base: number;
  /** Which value of each leaf (class index for classification trees, 0 otherwise). */
  readonly output: number;
}

/** Models TreeSHAP can explain expose this view of their trees. */
export interface TreeExplainable {
  treeView(output?: number): TreeEnsembleView;
}

export interface ShapValues {
  /** One row per explained sample, one column per feature. */
  readonly values: DenseMatrix;
  /** Mean model output over the training data (the SHAP base value). */
  readonly expectedValue: number;
  /** Mean |SHAP| per feature over the explained rows (a global importance). */
  readonly meanAbs: Float64Array;
}

interface PathElement {
  d: number;
  z: number;
  o: number;
  w: number;
}

function extend(m: PathElement[], pz: number, po: number, pi: number): PathElement[] {
  const l = m.length;
  const out = m.map((e) => ({ ...e }));
  out.push({ d: pi, z: pz, o: po, w: l === 0 ? 1 : 0 });
  for (let i = l - 1; i >= 0; i--) {
    out[i + 1].w += (po * out[i].w * (i + 1)) / (l + 1);
    out[i].w = (pz * out[i].w * (l - i)) / (l + 1);
  }
  return out;
}

function unwind(m: PathElement[], i: number): PathElement[] {
  const l = m.length - 1;
  let n = m[l].w;
  const out = m.slice(0, l).map((e) => ({ ...e }));
  const { o, z } = m[i];
  for (let j = l - 1; j >= 0; j--) {
    if (o !== 0) {
      const t = out[j].w;
      out[j].w = (n * (l + 1)) / ((j + 1) * o);
      n = t - (out[j].w * z * (l - j)) / (l + 1);
    } else {
      out[j].w = (out[j].w * (l + 1)) / (z * (l - j));
    }
  }
  for (let j = i; j < l; j++) {
    out[j].d = m[j + 1].d;
    out[j].z = m[j + 1].z;
    out[j].o = m[j + 1].o;
  }
  return out;
}

/** Exact TreeSHAP (Lundberg et al. 2018, algorithm 2) of one row for one tree, added to phi. */
function shapOfTree(
  t: TreeArrays,
  x: (j: number) => number,
  output: number,
  scale: number,
  phi: Float64Array,
): void {
  const k = t.nOutputs;
  const recurse = (j: number, path: PathElement[], pz: number, po: number, pi: number): void => {
    const m = extend(path, pz, po, pi);
    if (t.left[j] < 0) {
      for (let i = 1; i < m.length; i++) {
        const w = unwind(m, i).reduce((a, e) => a + e.w, 0);
        phi[m[i].d] += scale * w * (m[i].o - m[i].z) * t.value[j * k + output];
      }
      return;
    }
    const d = t.feature[j];
    const v = x(d);
    const goLeft = Number.isNaN(v) ? t.missingLeft[j] === 1 : v <= t.threshold[j];
    const [hot, cold] = goLeft ? [t.left[j], t.right[j]] : [t.right[j], t.left[j]];
    let iz = 1;
    let io = 1;
    let mm = m;
    const found = m.findIndex((e, idx) => idx > 0 && e.d === d);
    if (found > 0) {
      iz = m[found].z;
      io = m[found].o;
      mm = unwind(m, found);
    }
    const cover = t.nSamples[j];
    recurse(hot, mm, (iz * t.nSamples[hot]) / cover, io, d);
    recurse(cold, mm, (iz * t.nSamples[cold]) / cover, 0, d);
  };
  recurse(0, [], 1, 1, -1);
}

/** Cover-weighted mean leaf value of a tree: its expected output over the training data. */
function expectedOfTree(t: TreeArrays, output: number): number {
  let s = 0;
  for (let j = 0; j < t.nodeCount; j++)
    if (t.left[j] < 0) s += t.nSamples[j] * t.value[j * t.nOutputs + output];
  return s / t.nSamples[0];
}

/**
 * SHAP values of tree models (decision trees, random forests, gradient boosting; raw scores, i.e.
 * log-odds for boosting classifiers). For each row, expectedValue + Σ values = the model's output.
 */
export function treeShap(
  model: TreeExplainable,
  X: MatrixLike,
  opts: { output?: number } = {},
): ShapValues {
  const view = model.treeView(opts.output);
  const m = toMatrix(X);
  const values = DenseMatrix.zeros(m.nRows, m.nCols, m.columns);
  const phi = new Float64Array(m.nCols);
  for (let i = 0; i < m.nRows; i++) {
    phi.fill(0);
    const x = (j: number): number => m.data[j * m.nRows + i];
    for (const t of view.trees) shapOfTree(t, x, view.output, view.scale, phi);
    for (let j = 0; j < m.nCols; j++) values.set(i, j, phi[j]);
  }
  let expectedValue = view.base;
  for (const t of view.trees) expectedValue += view.scale * expectedOfTree(t, view.output);
  const meanAbs = new Float64Array(m.nCols);
  for (let j = 0; j < m.nCols; j++) {
    let s = 0;
    for (let i = 0; i < m.nRows; i++) s += Math.abs(values.get(i, j));
    meanAbs[j] = s / Math.max(1, m.nRows);
  }
  return { values, expectedValue, meanAbs };
}
