import type { TreeArrays } from './tree-arrays.js';

/**
 * Trees laid out for prediction: 16 bytes per node (threshold as float64, then feature and child as
 * int32) in one buffer, so a step reads one cache line. An internal node's children are adjacent
 * (left = child, right = child + 1), so a step is `child + (x > threshold)` without a branch. A leaf
 * points to itself with threshold +Infinity, so stepping on a leaf stays there: a row has arrived
 * when a step does not move it. Node indices are global over all trees; tree t starts at roots[t].
 * Missing values are not handled here: callers use TreeArrays#addPredictions for X with NaN.
 */
export interface PackedForest {
  /** Float64 view: threshold of node i at [2i]. */
  readonly thresholds: Float64Array;
  /** Int32 view of the same buffer: feature of node i at [4i + 2], child at [4i + 3]. */
  readonly links: Int32Array;
  /** nOutputs values per node (leaves only are read), at [i * nOutputs]. */
  readonly values: Float64Array;
  readonly roots: Int32Array;
  readonly nOutputs: number;
}

function buffer(bytes: number, shared: boolean): ArrayBuffer | SharedArrayBuffer {
  return shared ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes);
}

/** Packs the trees (all with the same nOutputs); `shared` puts it in SharedArrayBuffers. */
export function packForest(trees: readonly TreeArrays[], shared = false): PackedForest {
  const k = trees.length > 0 ? trees[0].nOutputs : 1;
  const roots = new Int32Array(trees.length);
  let total = 0;
  trees.forEach((t, i) => {
    roots[i] = total;
    total += t.nodeCount;
  });
  const nodes = buffer(total * 16, shared);
  const forest: PackedForest = {
    thresholds: new Float64Array(nodes),
    links: new Int32Array(nodes),
    values: new Float64Array(buffer(total * k * 8, shared)),
    roots,
    nOutputs: k,
  };
  trees.forEach((t, i) => packTree(t, forest, roots[i]));
  return forest;
}

/** Writes tree t at node offset `base`, numbering nodes so that siblings are adjacent. */
function packTree(t: TreeArrays, f: PackedForest, base: number): void {
  const k = t.nOutputs;
  const { left, right } = t;
  // the growers here already number siblings adjacently (right = left + 1); other trees are renumbered
  const adjacent = left.every((l, i) => l < 0 || right[i] === l + 1);
  const id = adjacent ? null : renumber(t);
  for (let old = 0; old < t.nodeCount; old++) {
    const node = base + (id ? id[old] : old);
    const l = left[old];
    if (l < 0) {
      f.thresholds[2 * node] = Infinity;
      f.links[4 * node + 2] = 0;
      f.links[4 * node + 3] = node;
    } else {
      f.thresholds[2 * node] = t.threshold[old];
      f.links[4 * node + 2] = t.feature[old];
      f.links[4 * node + 3] = base + (id ? id[l] : l);
    }
    for (let c = 0; c < k; c++) f.values[node * k + c] = t.value[old * k + c];
  }
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

/** Row-major copy of column-major X (n × p), optionally in shared memory; null if any value is NaN. */
export function rowMajor(
  data: ArrayLike<number>,
  n: number,
  p: number,
  shared = false,
): Float64Array | null {
  const out = new Float64Array(buffer(n * p * 8, shared));
  for (let j = 0; j < p; j++) {
    const base = j * n;
    for (let i = 0; i < n; i++) {
      const v = data[base + i];
      if (v !== v) return null;
      out[i * p + j] = v;
    }
  }
  return out;
}

/**
 * Adds scale × leaf values of every tree, in tree order, to out (column-major, nOutputs blocks of
 * nRows) for rows [start, end) of row-major X with p columns. Per row the sum is taken in the same
 * order as TreeArrays#addPredictions tree after tree, so results are bit-identical to it.
 */
export function addForestPredictions(
  f: PackedForest,
  X: Float64Array,
  p: number,
  nRows: number,
  out: Float64Array,
  scale: number,
  [start, end]: readonly [number, number],
): void {
  for (let t = 0; t < f.roots.length; t++) {
    if (f.nOutputs === 1) addTreeSingle(f, f.roots[t], X, p, out, scale, start, end);
    else {
      for (let i = start; i < end; i++) {
        const leaf = leafOf(f, f.roots[t], X, i * p);
        for (let c = 0; c < f.nOutputs; c++)
          out[c * nRows + i] += scale * f.values[leaf * f.nOutputs + c];
      }
    }
  }
}

/** Leaf of one row (starting at X[row]) in the tree rooted at `root`. */
function leafOf(f: PackedForest, root: number, X: Float64Array, row: number): number {
  const { thresholds: th, links: ln } = f;
  let a = root;
  for (;;) {
    const next = ln[4 * a + 3] + (X[row + ln[4 * a + 2]] > th[2 * a] ? 1 : 0);
    if (next === a) return a;
    a = next;
  }
}

/**
 * One-output tree over rows [start, end): four rows walk down together, so their (independent)
 * memory reads overlap instead of waiting one after another.
 */
function addTreeSingle(
  f: PackedForest,
  root: number,
  X: Float64Array,
  p: number,
  out: Float64Array,
  scale: number,
  start: number,
  end: number,
): void {
  const { thresholds: th, links: ln, values } = f;
  let i = start;
  for (; i + 4 <= end; i += 4) {
    const r0 = i * p;
    const r1 = r0 + p;
    const r2 = r1 + p;
    const r3 = r2 + p;
    let a = root;
    let b = root;
    let c = root;
    let d = root;
    for (;;) {
      const a2 = ln[4 * a + 3] + (X[r0 + ln[4 * a + 2]] > th[2 * a] ? 1 : 0);
      const b2 = ln[4 * b + 3] + (X[r1 + ln[4 * b + 2]] > th[2 * b] ? 1 : 0);
      const c2 = ln[4 * c + 3] + (X[r2 + ln[4 * c + 2]] > th[2 * c] ? 1 : 0);
      const d2 = ln[4 * d + 3] + (X[r3 + ln[4 * d + 2]] > th[2 * d] ? 1 : 0);
      if (((a2 ^ a) | (b2 ^ b) | (c2 ^ c) | (d2 ^ d)) === 0) break;
      a = a2;
      b = b2;
      c = c2;
      d = d2;
    }
    out[i] += scale * values[a];
    out[i + 1] += scale * values[b];
    out[i + 2] += scale * values[c];
    out[i + 3] += scale * values[d];
  }
  for (; i < end; i++) out[i] += scale * values[leafOf(f, root, X, i * p)];
}
