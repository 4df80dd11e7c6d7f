import { MISSING_BIN } from '../tree/bin-mapper.js';
import { TreeBuilder, type TreeArrays } from '../tree/tree-arrays.js';
import type { HistogramEngine } from './histogram-engine.js';
import type { HistSplit } from './split-finder.js';

export interface GrowerSettings {
  readonly maxLeafNodes: number;
  readonly maxDepth: number;
  readonly learningRate: number;
  readonly minSamplesLeaf: number;
  readonly l2: number;
  readonly thresholds: readonly Float64Array[];
}

interface LeafNode {
  id: number;
  slot: number;
  start: number;
  end: number;
  depth: number;
  G: number;
  H: number;
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
  private readonly tmp: Uint32Array;
  private nextSlot = 0;
  private freeSlots: number[] = [];

  constructor(
    private readonly engine: HistogramEngine,
    private readonly s: GrowerSettings,
  ) {
    this.tmp = new Uint32Array(engine.data.nRows);
  }

  /** Grows a tree on the engine's current gradients; rows are reset to 0..n-1 first. */
  grow(): GrownBoostingTree {
    const rows = this.engine.data.rows;
    for (let i = 0; i < rows.length; i++) rows[i] = i;
    const builder = new TreeBuilder(1);
    const [G, H] = this.sums(0, rows.length);
    const root = this.makeNode(builder, 0, rows.length, 0, G, H, null);
    const open: LeafNode[] = [root];
    while (open.length < this.s.maxLeafNodes) {
      let bi = -1;
      for (let i = 0; i < open.length; i++) {
        const sp = open[i].split;
        if (sp && (bi < 0 || sp.gain > (open[bi].split as HistSplit).gain)) bi = i;
      }
      if (bi < 0) break;
      const node = open.splice(bi, 1)[0];
      open.push(...this.splitNode(builder, node));
    }
    const leaves = open.map((leaf) => {
      builder.setValue(leaf.id, 0, (-this.s.learningRate * leaf.G) / (leaf.H + this.s.l2));
      return { id: leaf.id, start: leaf.start, end: leaf.end };
    });
    this.engine.releaseAll();
    this.freeSlots = [];
    this.nextSlot = 0;
    return { tree: builder.build(), leaves, rows };
  }

  private sums(start: number, end: number): [number, number] {
    const { rows, gradients, hessians } = this.engine.data;
    let G = 0;
    let H = 0;
    for (let p = start; p < end; p++) {
      G += gradients[rows[p]];
      if (hessians) H += hessians[rows[p]];
    }
    return [G, hessians ? H : end - start];
  }

  private canSplit(depth: number, n: number): boolean {
    return depth < this.s.maxDepth && n >= 2 * this.s.minSamplesLeaf;
  }

  /** A node whose histogram is built from its rows, or derived (parentSlot) by subtraction. */
  private makeNode(
    builder: TreeBuilder,
    start: number,
    end: number,
    depth: number,
    G: number,
    H: number,
    derived: { parentSlot: number; childSlot: number } | null,
  ): LeafNode {
    const n = end - start;
    const id = builder.addNode([0], n);
    let slot: number;
    let split: HistSplit | null;
    if (derived) {
      slot = derived.parentSlot;
      split = this.engine.subtract(slot, derived.childSlot, G, H, n);
    } else {
      slot = this.freeSlots.pop() ?? this.nextSlot++;
      split = this.engine.build(slot, start, end, G, H);
    }
    return { id, slot, start, end, depth, G, H, split: this.canSplit(depth, n) ? split : null };
  }

  private splitNode(builder: TreeBuilder, node: LeafNode): LeafNode[] {
    const sp = node.split as HistSplit;
    const mid = this.partition(node, sp);
    const leftSmaller = mid - node.start <= node.end - mid;
    const [sStart, sEnd, lStart, lEnd] = leftSmaller
      ? [node.start, mid, mid, node.end]
      : [mid, node.end, node.start, mid];
    const constHess = this.engine.data.hessians === null;
    const [gS, hS] = leftSmaller ? [sp.gL, sp.hL] : [node.G - sp.gL, node.H - sp.hL];
    const small = this.makeNode(
      builder,
      sStart,
      sEnd,
      node.depth + 1,
      gS,
      constHess ? sEnd - sStart : hS,
      null,
    );
    const large = this.makeNode(
      builder,
      lStart,
      lEnd,
      node.depth + 1,
      node.G - gS,
      constHess ? lEnd - lStart : node.H - hS,
      {
        parentSlot: node.slot,
        childSlot: small.slot,
      },
    );
    const [l, r] = leftSmaller ? [small, large] : [large, small];
    const thr = this.s.thresholds[sp.feature][sp.bin] ?? Infinity;
    builder.setSplit(node.id, sp.feature, thr, sp.missingLeft, l.id, r.id);
    return [l, r];
  }

  /** Stable partition: rows stay in increasing order within each side, keeping access local. */
  private partition(node: LeafNode, sp: HistSplit): number {
    const { codes, nRows, rows } = this.engine.data;
    const base = sp.feature * nRows;
    const tmp = this.tmp;
    const bin = sp.bin;
    // split bins are below MISSING_BIN, so missing rows fail `b <= bin` and go right unless sent left
    const missingLeft = sp.missingLeft;
    let i = node.start;
    let k = 0;
    for (let p = node.start; p < node.end; p++) {
      const r = rows[p];
      const b = codes[base + r];
      if (b <= bin || (missingLeft && b === MISSING_BIN)) rows[i++] = r;
      else tmp[k++] = r;
    }
    for (let q = 0; q < k; q++) rows[i + q] = tmp[q];
    return i;
  }
}
