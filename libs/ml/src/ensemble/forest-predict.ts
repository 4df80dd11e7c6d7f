import { Worker } from 'node:worker_threads';
import type { DenseMatrix } from '../data/dense-matrix.js';
import {
  addForestPredictions,
  packForest,
  type PackedForest,
  type PackedTrees,
} from '../tree/packed-forest.js';
import type { TreeArrays } from '../tree/tree-arrays.js';
import { workerScriptAvailable } from '../util/worker-script.js';

const WORKER_URL = new URL('./forest-predict-worker.js', import.meta.url);
/** Below this many rows, starting worker threads costs more than it saves. */
const MIN_ROWS_PER_THREAD = 20_000;

/** What a prediction worker gets: shared trees, row-major codes of X and output, its row range. */
export interface PredictJob {
  readonly forest: PackedTrees;
  readonly codes: Uint16Array;
  readonly p: number;
  readonly nRows: number;
  readonly out: Float64Array;
  readonly scale: number;
  readonly range: [number, number];
  readonly signal: Int32Array;
}

/** Threads worth using for n rows: at most nJobs, each with at least MIN_ROWS_PER_THREAD rows. */
export function predictThreads(n: number, nJobs: number): number {
  const t = Math.max(1, Math.min(nJobs, Math.floor(n / MIN_ROWS_PER_THREAD)));
  return t > 1 && workerScriptAvailable(WORKER_URL) ? t : 1;
}

/**
 * Trees laid out for prediction, one packed forest per group of trees (a random forest: one group;
 * boosting: one per output). Packed by fit (so its cost counts there) or on first use, and again
 * in shared memory when a prediction runs on threads; `clear` drops them (the trees changed).
 */
export class PackedCache {
  private packed: { forests: (PackedForest | null)[]; shared: boolean } | null = null;

  /** Packs the groups for p features; `shared`: in SharedArrayBuffers (prediction threads). */
  pack(groups: readonly (readonly TreeArrays[])[], p: number, shared: boolean): void {
    this.packed = { forests: groups.map((g) => packForest(g, p, shared)), shared };
  }

  /** The groups' packed forests for a prediction on `threads` threads (packing them if need be). */
  forThreads(
    groups: readonly (readonly TreeArrays[])[],
    p: number,
    threads: number,
  ): (PackedForest | null)[] {
    if (!this.packed || (threads > 1 && !this.packed.shared)) this.pack(groups, p, threads > 1);
    return (this.packed as { forests: (PackedForest | null)[] }).forests;
  }

  clear(): void {
    this.packed = null;
  }
}

/**
 * Adds scale × every tree's output to out (column-major, nOutputs blocks of n). Rows are split into
 * contiguous ranges, one per thread, and every row adds the trees in tree order, so the result is
 * bit-identical whatever the thread count. X with missing values, or trees that could not be
 * packed (forest null), take the per-tree path.
 */
export function addForest(
  trees: readonly TreeArrays[],
  forest: PackedForest | null,
  m: DenseMatrix,
  threads: number,
  out: Float64Array,
  scale: number,
): void {
  const n = m.nRows;
  const p = m.nCols;
  const shared = threads > 1 && forest?.links.buffer instanceof SharedArrayBuffer;
  const codes = forest?.coder.encode(m, shared);
  if (!forest || !codes) {
    for (const t of trees) t.addPredictions(m, out, scale);
    return;
  }
  if (!shared) {
    addForestPredictions(forest, codes, p, n, out, scale, [0, n]);
    return;
  }
  const sharedOut = new Float64Array(new SharedArrayBuffer(out.length * 8));
  sharedOut.set(out);
  const bounds = Array.from({ length: threads + 1 }, (_, t) => Math.round((t * n) / threads));
  const { links, values, roots, nOutputs } = forest;
  const packed: PackedTrees = { links, values, roots, nOutputs };
  const running = bounds.slice(1, -1).map((from, w) => {
    const job: PredictJob = {
      ...{ forest: packed, codes, p, nRows: n, out: sharedOut, scale },
      range: [from, bounds[w + 2]],
      signal: new Int32Array(new SharedArrayBuffer(4)),
    };
    const worker = new Worker(WORKER_URL, { workerData: job });
    worker.unref();
    return { worker, signal: job.signal };
  });
  addForestPredictions(forest, codes, p, n, sharedOut, scale, [0, bounds[1]]);
  for (const r of running) {
    while (Atomics.load(r.signal, 0) === 0) {
      if (Atomics.wait(r.signal, 0, 0, 600_000) === 'timed-out')
        throw new Error('forest prediction worker timed out');
    }
    void r.worker.terminate();
    if (Atomics.load(r.signal, 0) !== 1) throw new Error('forest prediction worker failed');
  }
  out.set(sharedOut);
}
