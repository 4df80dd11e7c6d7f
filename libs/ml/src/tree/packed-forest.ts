import type { TreeArrays } from './tree-arrays.js';
import { ThresholdCoder } from './threshold-coder.js';

/** Rank stored in leaves: above every code, so a leaf's step never moves right. */
const LEAF_RANK = 0xffff;

/**
 * Trees laid out for prediction on integer codes. Per feature, the distinct thresholds of all the
 * trees are ranked; a value's code is the number of thresholds below it, so `x <= threshold` is
 * exactly `code <= rank`, an integer test that compiles without a branch. A node is 8 bytes: child,
 * then feature << 16 | rank. An internal node's children are adjacent (left = child, right = child
 * + 1), so a step is `child + (rank - code >>> 31)`. A leaf points to itself with rank 0xffff, so
 * stepping on a leaf stays there: a row has arrived when a step does not move it. Node indices are
 * global over all trees; tree t starts at roots[t]. Missing values are not handled here: callers
 * use TreeArrays#addPredictions for X with NaN.
 */
export interface PackedTrees {
  /** child of node i at [2i], feature << 16 | rank at [2i + 1]. */
  readonly links: Int32Array;
  /** nOutputs values per node (leaves only are read), at [i * nOutputs]. */
  readonly values: Float64Array;
  readonly roots: Int32Array;
  readonly nOutputs: number;
}

/** Packed trees with the coder of X values they are traversed on. */
export interface PackedForest extends PackedTrees {
  readonly coder: ThresholdCoder;
}

function buffer(bytes: number, shared: boolean): ArrayBuffer | SharedArrayBuffer {
  return shared ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes);
}

/**
 * Packs the trees (all with the same nOutputs, p features); `shared` puts it in SharedArrayBuffers.
 * Null when it cannot: more than 65,535 features or 65,534 distinct thresholds on a feature.
 */
export function packForest(
  trees: readonly TreeArrays[],
  p: number,
  shared = false,
): PackedForest | null {
  const coder = ThresholdCoder.fit(trees, p);
  if (!coder || p > 0xffff) return null;
  const k = trees.length > 0 ? trees[0].nOutputs : 1;
  const roots = new Int32Array(trees.length);
  let total = 0;
  trees.forEach((t, i) => {
    roots[i] = total;
    total += t.nodeCount;
  });
  const forest: PackedForest = {
    links: new Int32Array(buffer(total * 8, shared)),
    values: new Float64Array(buffer(total * k * 8, shared)),
    roots,
    nOutputs: k,
    coder,
  };
  trees.forEach((t, i) => packTree(t, forest, roots[i]));
  return forest;
}

/** Whether every internal node's right child directly follows its left one. */
function siblingsAdjacent(left: Int32Array, right: Int32Array): boolean {
  for (let i = 0; i < left.length; i++) if (left[i] >= 0 && right[i] !== left[i] + 1) return false;
  return true;
}

/** Writes tree t at node offset `base`, numbering nodes so that siblings are adjacent. */
function packTree(t: TreeArrays, f: PackedForest, base: number): void {
  const k = t.nOutputs;
  const { left, right, feature, threshold, value } = t;
  const { links, values, coder } = f;
  // the growers here already number siblings adjacently (right = left + 1); other trees are renumbered
  const id = siblingsAdjacent(left, right) ? identity(t.nodeCount) : renumber(t);
  for (let old = 0; old < t.nodeCount; old++) {
    const node = base + id[old];
    const l = left[old];
    if (l < 0) {
      links[2 * node] = node;
      links[2 * node + 1] = LEAF_RANK;
    } else {
      links[2 * node] = base + id[l];
      links[2 * node + 1] = (feature[old] << 16) | coder.rankOf(feature[old], threshold[old]);
    }
    for (let c = 0; c < k; c++) values[node * k + c] = value[old * k + c];
  }
}

function identity(n: number): Int32Array {
  const id = new Int32Array(n);
  for (let i = 0; i < n; i++) id[i] = i;
  return id;
}

/** New numbers (root 0) in depth-first order where each node's two children get consecutive numbers. */
function renumber(t: TreeArrays): Int32Array {
  const id = new Int32Array(t.nodeCount);
  let next = 1;
  const stack = [0];
  while (stack.length > 0) {
    const old = stack.pop() as number;
    const l = t.left[old];
    if (l < 0) continue;
    id[l] = next;
    id[t.right[old]] = next + 1;
    next += 2;
    stack.push(t.right[old], l);
  }
  return id;
}

/**
 * Adds scale × leaf values of every tree, in tree order, to out (column-major, nOutputs blocks of
 * nRows) for rows [start, end) of row-major codes with p columns. Per row the sum is taken in the
 * same order as TreeArrays#addPredictions tree after tree, so results are bit-identical to it.
 */
export function addForestPredictions(
  f: PackedTrees,
  codes: Uint16Array,
  p: number,
  nRows: number,
  out: Float64Array,
  scale: number,
  [start, end]: readonly [number, number],
): void {
  for (let t = 0; t < f.roots.length; t++)
    addTree(f, f.roots[t], codes, p, nRows, out, scale, start, end);
}

/** One step from node a for the row whose codes start at `row`. */
function step(ln: Int32Array, a: number, codes: Uint16Array, row: number): number {
  const w = ln[2 * a + 1];
  return ln[2 * a] + (((w & 0xffff) - codes[row + (w >>> 16)]) >>> 31);
}

/** Leaf of one row (codes starting at `row`) in the tree rooted at `root`. */
function leafOf(ln: Int32Array, root: number, codes: Uint16Array, row: number): number {
  let a = root;
  for (;;) {
    const next = step(ln, a, codes, row);
    if (next === a) return a;
    a = next;
  }
}

/** Adds scale × the leaf values of row i (leaf `leaf`) to out. */
function addLeaf(
  values: Float64Array,
  k: number,
  leaf: number,
  out: Float64Array,
  nRows: number,
  i: number,
  scale: number,
): void {
  for (let c = 0; c < k; c++) out[c * nRows + i] += scale * values[leaf * k + c];
}

/**
 * One tree over rows [start, end): four rows walk down together, so their (independent) memory
 * reads overlap instead of waiting one after another.
 */
function addTree(
  f: PackedTrees,
  root: number,
  codes: Uint16Array,
  p: number,
  nRows: number,
  out: Float64Array,
  scale: number,
  start: number,
  end: number,
): void {
  const { links: ln, values, nOutputs: k } = f;
  let i = start;
  for (; i + 4 <= end; i += 4) {
    const r0 = i * p;
    let a = root;
    let b = root;
    let c = root;
    let d = root;
    for (;;) {
      const a2 = step(ln, a, codes, r0);
      const b2 = step(ln, b, codes, r0 + p);
      const c2 = step(ln, c, codes, r0 + 2 * p);
      const d2 = step(ln, d, codes, r0 + 3 * p);
      if (((a2 ^ a) | (b2 ^ b) | (c2 ^ c) | (d2 ^ d)) === 0) break;
      a = a2;
      b = b2;
      c = c2;
      d = d2;
    }
    addLeaf(values, k, a, out, nRows, i, scale);
    addLeaf(values, k, b, out, nRows, i + 1, scale);
    addLeaf(values, k, c, out, nRows, i + 2, scale);
    addLeaf(values, k, d, out, nRows, i + 3, scale);
  }
  for (; i < end; i++) addLeaf(values, k, leafOf(ln, root, codes, i * p), out, nRows, i, scale);
}
