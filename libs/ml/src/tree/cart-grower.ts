import type { Random } from '../util/random.js';
import { MISSING_BIN } from './bin-mapper.js';
import { impurity, leafValue, statWidth, type Criterion } from './criterion.js';
import {
  scanClassification,
  scanRegression,
  type BinGroups,
  type ScanContext,
  type ScanResult,
} from './split-scan.js';
import { TreeBuilder, type TreeArrays } from './tree-arrays.js';

/** Everything a CART tree needs: binned data, targets and the stopping rules. */
export interface CartTask {
  /** Column-major bin codes, nRows × nFeatures. */
  readonly codes: Uint8Array;
  readonly nRows: number;
  readonly nFeatures: number;
  readonly thresholds: readonly Float64Array[];
  /** Regression targets, or class codes 0..nClasses-1 as floats. */
  readonly target: Float64Array;
  readonly nClasses: number;
  readonly criterion: Criterion;
  readonly maxDepth: number;
  readonly minSamplesSplit: number;
  readonly minSamplesLeaf: number;
  /** Features drawn at random at each node. */
  readonly maxFeatures: number;
}

export interface GrownTree {
  readonly tree: TreeArrays;
  /** Unnormalised impurity decrease per feature (weighted by node size). */
  readonly importance: Float64Array;
}

interface PendingNode {
  id: number;
  start: number;
  end: number;
  depth: number;
  stats: Float64Array;
}

/**
 * Depth-first CART on binned features; `rows` (may repeat, as a bootstrap) is reordered in place.
 * Like scikit-learn, an impure node is split by its best valid split even when the gain is zero.
 */
export class CartGrower {
  private readonly width: number;
  private readonly reg: boolean;
  private readonly hist: Float64Array;
  private readonly groups: BinGroups;
  private readonly features: Int32Array;
  private readonly touched = new Uint32Array(8);
  /** One scan context per grower (its parent stats change per node): no object built per node. */
  private readonly ctx: ScanContext & { parent: Float64Array };
  private readonly result: ScanResult = { gain: -Infinity, bin: -1, missingLeft: false };

  constructor(
    private readonly task: CartTask,
    private readonly rng: Random,
  ) {
    const w = (this.width = statWidth(task.criterion, task.nClasses));
    this.reg = task.criterion === 'squaredError';
    this.hist = new Float64Array(256 * w);
    this.groups = {
      bins: new Int32Array(256),
      stats: new Float64Array(256 * w),
      count: 0,
      missing: new Float64Array(w),
    };
    this.features = Int32Array.from({ length: task.nFeatures }, (_, j) => j);
    this.ctx = {
      left: new Float64Array(w),
      right: new Float64Array(w),
      criterion: task.criterion,
      width: w,
      minSamplesLeaf: task.minSamplesLeaf,
      parent: new Float64Array(w),
    };
  }

  grow(rows: Uint32Array): GrownTree {
    const t = this.task;
    const w = this.width;
    const builder = new TreeBuilder(this.reg ? 1 : t.nClasses);
    const importance = new Float64Array(t.nFeatures);
    const rootStats = this.statsOf(rows, 0, rows.length);
    const root = builder.addNode(leafValue(t.criterion, rootStats, w), rows.length);
    const stack: PendingNode[] = [
      { id: root, start: 0, end: rows.length, depth: 0, stats: rootStats },
    ];
    while (stack.length > 0) {
      const node = stack.pop() as PendingNode;
      const split = this.splitOf(node, rows);
      if (!split) continue;
      const mid = this.partition(rows, node, split);
      const ls = this.statsOf(rows, node.start, mid);
      const rs = node.stats.map((v, c) => v - ls[c]);
      const imp = (s: Float64Array): number => s[0] * impurity(t.criterion, s, 0, w);
      importance[split.feature] += Math.max(0, imp(node.stats) - imp(ls) - imp(rs));
      const l = builder.addNode(leafValue(t.criterion, ls, w), ls[0]);
      const r = builder.addNode(leafValue(t.criterion, rs, w), rs[0]);
      const thr = t.thresholds[split.feature][split.bin] ?? Infinity;
      builder.setSplit(node.id, split.feature, thr, split.missingLeft, l, r);
      stack.push({ id: r, start: mid, end: node.end, depth: node.depth + 1, stats: rs });
      stack.push({ id: l, start: node.start, end: mid, depth: node.depth + 1, stats: ls });
    }
    return { tree: builder.build(), importance };
  }

  private statsOf(rows: Uint32Array, start: number, end: number): Float64Array {
    const s = new Float64Array(this.width);
    for (let i = start; i < end; i++) addStat(s, 0, this.task.target[rows[i]], this.reg);
    return s;
  }

  private splitOf(node: PendingNode, rows: Uint32Array): (ScanResult & { feature: number }) | null {
    const t = this.task;
    const n = node.end - node.start;
    if (n < t.minSamplesSplit || n < 2 * t.minSamplesLeaf || node.depth >= t.maxDepth) return null;
    if (impurity(t.criterion, node.stats, 0, this.width) <= 1e-12) return null;
    const ctx = this.ctx;
    ctx.parent = node.stats;
    const result = this.result;
    result.gain = -Infinity;
    result.bin = -1;
    result.missingLeft = false;
    let feature = -1;
    const feats = this.features;
    for (let k = 0; k < t.nFeatures && k < t.maxFeatures; k++) {
      const swap = k + this.rng.int(t.nFeatures - k);
      const f = feats[swap];
      feats[swap] = feats[k];
      feats[k] = f;
      this.groupRows(f, node, rows);
      const before = result.gain;
      if (this.reg) scanRegression(this.groups, ctx, result);
      else scanClassification(this.groups, ctx, result);
      if (result.gain > before) feature = f;
    }
    if (feature < 0) return null;
    return { gain: result.gain, bin: result.bin, missingLeft: result.missingLeft, feature };
  }

  /** Groups the node's rows by bin of feature f (see `countBins` and `collectGroups`). */
  private groupRows(f: number, node: PendingNode, rows: Uint32Array): void {
    const { codes, nRows, target } = this.task;
    const base = f * nRows;
    // regression groups need only count and sum (the sum of squares matters for whole nodes only)
    const w = this.reg ? 2 : this.width;
    countBins(
      codes,
      base,
      rows,
      node.start,
      node.end,
      target,
      this.hist,
      this.touched,
      w,
      this.reg,
    );
    collectGroups(this.hist, this.touched, this.groups, w);
  }

  private partition(
    rows: Uint32Array,
    node: PendingNode,
    split: ScanResult & { feature: number },
  ): number {
    const { codes, nRows } = this.task;
    const base = split.feature * nRows;
    let i = node.start;
    let j = node.end - 1;
    while (i <= j) {
      const b = codes[base + rows[i]];
      if (b === MISSING_BIN ? split.missingLeft : b <= split.bin) i++;
      else {
        const tmp = rows[i];
        rows[i] = rows[j];
        rows[j--] = tmp;
      }
    }
    return i;
  }
}

function addStat(s: Float64Array, off: number, v: number, reg: boolean): void {
  s[off]++;
  if (reg) {
    s[off + 1] += v;
    s[off + 2] += v * v;
  } else s[off + 1 + v]++;
}

/**
 * Per-bin stats of the rows, w per bin: [count, sum of targets] (regression, w = 2) or [count,
 * count of class 0, class 1, ...]; touched bins are flagged in a 256-bit map.
 */
function countBins(
  codes: Uint8Array,
  base: number,
  rows: Uint32Array,
  start: number,
  end: number,
  target: Float64Array,
  hist: Float64Array,
  touched: Uint32Array,
  w: number,
  reg: boolean,
): void {
  for (let i = start; i < end; i++) {
    const r = rows[i];
    const b = codes[base + r];
    const o = b * w;
    if (hist[o] === 0) touched[b >>> 5] |= 1 << (b & 31);
    hist[o]++;
    if (reg) hist[o + 1] += target[r];
    else hist[o + 1 + target[r]]++;
  }
}

/**
 * Moves the touched bins' stats (in increasing bin order) into the groups and clears them, so only
 * touched bins are visited: deep nodes touch few of the 256 bins.
 */
function collectGroups(hist: Float64Array, touched: Uint32Array, g: BinGroups, w: number): void {
  let count = 0;
  const { stats, bins, missing } = g;
  for (let c = 0; c < w; c++) missing[c] = 0;
  for (let word = 0; word < 8; word++) {
    let bits = touched[word];
    touched[word] = 0;
    while (bits !== 0) {
      const low = bits & -bits;
      const b = word * 32 + 31 - Math.clz32(low);
      bits ^= low;
      const o = b * w;
      if (b === MISSING_BIN) {
        for (let c = 0; c < w; c++) {
          missing[c] = hist[o + c];
          hist[o + c] = 0;
        }
      } else {
        const d = count * w;
        for (let c = 0; c < w; c++) {
          stats[d + c] = hist[o + c];
          hist[o + c] = 0;
        }
        bins[count++] = b;
      }
    }
  }
  g.count = count;
}
