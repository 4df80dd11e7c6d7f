import { CartGrower, type CartTask } from '../tree/cart-grower.js';
import type { TreeArrays } from '../tree/tree-arrays.js';
import { Random } from '../util/random.js';
import { range } from '../validation/split.js';

export interface ForestSettings {
  readonly nEstimators: number;
  readonly bootstrap: boolean;
  readonly seed: number;
}

export interface ForestFit {
  readonly trees: TreeArrays[];
  /** Sum over trees of each tree's normalised impurity importance. */
  readonly importance: Float64Array;
  /** Per tree, which rows were drawn (for out-of-bag scoring); empty without bootstrap. */
  readonly inBag: Uint8Array[];
}

/** Per-tree seeds drawn up front, so results depend on the seed only, not on scheduling. */
export function treeSeeds(seed: number, count: number): Uint32Array {
  const rng = new Random(seed);
  return Uint32Array.from({ length: count }, () => rng.fork());
}

/** Grows tree t of a forest: bootstrap sample (if any) then CART with random features. */
export function growForestTree(
  task: CartTask,
  seed: number,
  bootstrap: boolean,
): { tree: TreeArrays; importance: Float64Array; inBag: Uint8Array } {
  const rng = new Random(seed);
  const n = task.nRows;
  let rows: Uint32Array;
  const inBag = new Uint8Array(bootstrap ? n : 0);
  if (bootstrap) {
    rows = new Uint32Array(n);
    for (let i = 0; i < n; i++) {
      const r = rng.int(n);
      rows[i] = r;
      inBag[r] = 1;
    }
  } else rows = range(0, n);
  const grown = new CartGrower(task, rng).grow(rows);
  const total = grown.importance.reduce((a, b) => a + b, 0);
  const importance = total > 0 ? grown.importance.map((v) => v / total) : grown.importance;
  return { tree: grown.tree, importance, inBag };
}

export function fitForest(task: CartTask, s: ForestSettings): ForestFit {
  const seeds = treeSeeds(s.seed, s.nEstimators);
  const trees: TreeArrays[] = [];
  const inBag: Uint8Array[] = [];
  const importance = new Float64Array(task.nFeatures);
  for (let t = 0; t < s.nEstimators; t++) {
    const g = growForestTree(task, seeds[t], s.bootstrap);
    trees.push(g.tree);
    inBag.push(g.inBag);
    for (let j = 0; j < importance.length; j++) importance[j] += g.importance[j];
  }
  return { trees, importance, inBag };
}
