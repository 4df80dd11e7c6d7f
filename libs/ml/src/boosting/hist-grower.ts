import { MISSING_BIN } from '../tree/bin-mapper.js';
import { TreeBuilder, type TreeArrays } from '../tree/tree-arrays.js';
import {
  bestSplit,
  buildHistogram,
  FEATURE_STRIDE,
  subtractHistogram,
  type GradientData,
  type HistSplit,
  type SplitRules,
} from './histogram.js';

export interface GrowerSettings extends SplitRules {
  readonly maxLeafNodes: number;
  readonly maxDepth: number;
  readonly learningRate: number;
  readonly thresholds: readonly Float64Array[];
}

interface LeafNode {
  id: number;
  start: number;
  end: number;
  depth: number;
  G: number;
  H: number;
  hist: Float64Array;
  split: HistSplit | null;
}

export interface GrownBoostingTree {
  readonly tree: TreeArrays;
  /** Leaves as [node id, start, end) ranges over `rows`, for updating training predictions. */
  readonly leaves: { id: number; start: number; end: number }[];
  /** The rows, partitioned so each leaf's rows are contiguous. */
  readonly rows: Uint32Array;
}

/**
 * Leaf-wise (best-first) growth of one boosting tree on gradient histograms, as LightGBM and
 * scikit-learn's HistGradientBoosting: always split the leaf with the largest gain, up to
 * maxLeafNodes leaves; the larger child's histogram is the parent's minus the smaller child's.
 */
export class HistGrower {
  private readonly pool: Float64Array[] = [];
  private readonly scratch: { g: Float64Array; h: Float64Array };

  constructor(
    private readonly data: GradientData,
    private readonly s: GrowerSettings,
  ) {
    this.scratch = { g: new Float64Array(data.nRows), h: new Float64Array(data.nRows) };
  }

  grow(rows: Uint32Array): GrownBoostingTree {
    const builder = new TreeBuilder(1);
    const root = this.makeNode(builder, rows, 0, rows.length, 0, null);
    const open: LeafNode[] = [root];
    while (open.length < this.s.maxLeafNodes) {
      let bi = -1;
      for (let i = 0; i < open.length; i++) {
        const sp = open[i].split;
        if (sp && (bi < 0 || sp.gain > (open[bi].split as HistSplit).gain)) bi = i;
      }
      if (bi < 0) break;
      const node = open.splice(bi, 1)[0];
      const children = this.splitNode(builder, rows, node);
      open.push(...children);
    }
    const leaves = open.map((leaf) => {
      builder.setValue(leaf.id, 0, (-this.s.learningRate * leaf.G) / (leaf.H + this.s.l2));
      this.pool.push(leaf.hist);
      return { id: leaf.id, start: leaf.start, end: leaf.end };
    });
    return { tree: builder.build(), leaves, rows };
  }

  private takeHistogram(): Float64Array {
    const h = this.pool.pop();
    if (h) {
      h.fill(0);
      return h;
    }
    return new Float64Array(this.data.nFeatures * FEATURE_STRIDE);
  }

  private makeNode(
    builder: TreeBuilder,
    rows: Uint32Array,
    start: number,
    end: number,
    depth: number,
    hist: Float64Array | null,
  ): LeafNode {
    let h = hist;
    if (!h) {
      h = this.takeHistogram();
      buildHistogram(this.data, rows, start, end, h, this.scratch);
    }
    const constHess = this.data.hessians === null;
    let G = 0;
    let H = 0;
    for (let b = 0; b < 256; b++) {
      G += h[b * 3];
      H += constHess ? h[b * 3 + 2] : h[b * 3 + 1];
    }
    const n = end - start;
    const id = builder.addNode([0], n);
    const canSplit = depth < this.s.maxDepth && n >= 2 * this.s.minSamplesLeaf;
    const split = canSplit ? bestSplit(h, G, H, n, this.s, constHess) : null;
    return { id, start, end, depth, G, H, hist: h, split };
  }

  private splitNode(builder: TreeBuilder, rows: Uint32Array, node: LeafNode): LeafNode[] {
    const sp = node.split as HistSplit;
    const mid = this.partition(rows, node, sp);
    const leftSmaller = mid - node.start <= node.end - mid;
    const [sStart, sEnd, lStart, lEnd] = leftSmaller
      ? [node.start, mid, mid, node.end]
      : [mid, node.end, node.start, mid];
    const small = this.makeNode(builder, rows, sStart, sEnd, node.depth + 1, null);
    const largeHist = node.hist;
    subtractHistogram(node.hist, small.hist, largeHist);
    const large = this.makeNode(builder, rows, lStart, lEnd, node.depth + 1, largeHist);
    const [l, r] = leftSmaller ? [small, large] : [large, small];
    const thr = this.s.thresholds[sp.feature][sp.bin] ?? Infinity;
    builder.setSplit(node.id, sp.feature, thr, sp.missingLeft, l.id, r.id);
    return [l, r];
  }

  private partition(rows: Uint32Array, node: LeafNode, sp: HistSplit): number {
    const { codes, nRows } = this.data;
    const base = sp.feature * nRows;
    // stable two-buffer partition keeps rows in increasing order, which keeps memory access local
    const tmp = this.scratch.h;
    let i = node.start;
    let k = 0;
    for (let p = node.start; p < node.end; p++) {
      const r = rows[p];
      const b = codes[base + r];
      if (b === MISSING_BIN ? sp.missingLeft : b <= sp.bin) rows[i++] = r;
      else tmp[k++] = r;
    }
    for (let q = 0; q < k; q++) rows[i + q] = tmp[q];
    return i;
  }
}
