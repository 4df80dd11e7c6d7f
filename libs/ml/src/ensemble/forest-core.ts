import { CartGrower, type CartTask } from '../tree/cart-grower.js';
import type { TreeArrays } from '../tree/tree-arrays.js';
import { Random } from '../util/random.js';
import { range } from '../validation/split.js';
import type { FitProgress } from '../util/estimator.js';
import {
  collectTrees,
  forestWorkersAvailable,
  startTreeWorker,
  stopTreeWorker,
  treesGrown,
  type GrownForestTree,
  type Running,
} from './forest-parallel.js';

export interface ForestSettings {
  readonly nEstimators: number;
  readonly bootstrap: boolean;
  readonly seed: number;
  /** Threads growing trees (worker threads need the built library). */
  readonly nJobs: number;
  /** Trees done so far, as they finish (does not change the forest). */
  readonly onProgress?: FitProgress;
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

/** Reports trees done (the caller's and the workers'), only when the count went up. */
function progressReporter(s: ForestSettings, running: Running[]) {
  let own = 0;
  let reported = 0;
  const report = () => {
    const done = running.reduce((sum, r) => sum + treesGrown(r), own);
    if (done > reported) s.onProgress?.((reported = done), s.nEstimators);
  };
  return {
    treeGrown: () => {
      own++;
      report();
    },
    poll: s.onProgress ? report : undefined,
  };
}

export function fitForest(task: CartTask, s: ForestSettings): ForestFit {
  const seeds = treeSeeds(s.seed, s.nEstimators);
  const jobs = Math.min(s.nJobs, s.nEstimators);
  const parallel = jobs > 1 && forestWorkersAvailable();
  // tree t goes to thread t % jobs; thread 0 is the caller. Seeds are per tree, so the forest is the
  // same whatever the number of threads.
  const running = parallel
    ? Array.from({ length: jobs - 1 }, (_, w) => {
        const mine = Array.from(seeds.keys()).filter((t) => t % jobs === w + 1);
        return startTreeWorker(
          task,
          mine.map((index) => ({ index, seed: seeds[index] })),
          s.bootstrap,
        );
      })
    : [];
  const progress = progressReporter(s, running);
  const grown = new Map<number, GrownForestTree>();
  try {
    for (let t = 0; t < s.nEstimators; t++) {
      if (parallel && t % jobs !== 0) continue;
      grown.set(t, growForestTree(task, seeds[t], s.bootstrap));
      progress.treeGrown();
    }
    for (const r of running) for (const [t, g] of collectTrees(r, progress.poll)) grown.set(t, g);
  } catch (error) {
    for (const r of running) stopTreeWorker(r);
    throw error;
  }
  progress.poll?.();
  return assemble(task, s.nEstimators, grown);
}

function assemble(task: CartTask, count: number, grown: Map<number, GrownForestTree>): ForestFit {
  const importance = new Float64Array(task.nFeatures);
  const trees: TreeArrays[] = [];
  const inBag: Uint8Array[] = [];
  for (let t = 0; t < count; t++) {
    const g = grown.get(t) as GrownForestTree;
    trees.push(g.tree);
    inBag.push(g.inBag);
    for (let j = 0; j < importance.length; j++) importance[j] += g.importance[j];
  }
  return { trees, importance, inBag };
}
