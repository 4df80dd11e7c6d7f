import { Worker } from 'node:worker_threads';
import { FeatureShard, type ShardData } from './feature-shard.js';
import type { HistogramEngine } from './histogram-engine.js';
import type { HistSplit, SplitRules } from './split-finder.js';
import * as P from './worker-protocol.js';
import { workerScriptAvailable } from '../util/worker-script.js';

const WORKER_URL = new URL('./histogram-worker.js', import.meta.url);

/** Whether worker threads can be started (the compiled worker file exists next to this module). */
export function workersAvailable(): boolean {
  return workerScriptAvailable(WORKER_URL);
}

/**
 * Splits the features between the calling thread and worker threads sharing memory; each command
 * runs on every range at once and the best split among ranges wins (ties: lower feature, as in
 * the single-threaded scan, so results do not depend on the thread count).
 */
export class ParallelEngine implements HistogramEngine {
  private readonly local: FeatureShard;
  private readonly workers: { worker: Worker; channel: P.Channel }[] = [];

  constructor(
    readonly data: ShardData,
    rules: SplitRules,
    nThreads: number,
  ) {
    const p = data.nFeatures;
    const per = Math.ceil(p / nThreads);
    this.local = new FeatureShard(data, rules, [0, Math.min(per, p)]);
    for (let f0 = per; f0 < p; f0 += per) {
      const channel = P.newChannel();
      const features: [number, number] = [f0, Math.min(f0 + per, p)];
      const worker = new Worker(WORKER_URL, { workerData: { data, rules, features, channel } });
      worker.unref();
      this.workers.push({ worker, channel });
    }
  }

  build(slot: number, start: number, end: number, G: number, H: number): HistSplit | null {
    this.post(P.OP_BUILD, slot, start, end, end - start, G, H);
    this.local.build(slot, start, end);
    return this.collect(this.local.find(slot, G, H, end - start));
  }

  subtract(parent: number, child: number, G: number, H: number, n: number): HistSplit | null {
    this.post(P.OP_SUBTRACT, parent, child, 0, n, G, H);
    this.local.subtract(parent, child);
    return this.collect(this.local.find(parent, G, H, n));
  }

  release(slot: number): void {
    this.local.release(slot);
  }

  releaseAll(): void {
    this.post(P.OP_RELEASE_ALL, 0, 0, 0, 0, 0, 0);
    this.local.releaseAll();
    this.collect(null);
  }

  close(): void {
    this.post(P.OP_EXIT, 0, 0, 0, 0, 0, 0);
    for (const w of this.workers) void w.worker.terminate();
    this.workers.length = 0;
  }

  private post(
    op: number,
    slot: number,
    arg: number,
    end: number,
    n: number,
    G: number,
    H: number,
  ): void {
    for (const { channel } of this.workers) {
      const c = channel.control;
      c[P.C_OP] = op;
      c[P.C_SLOT] = slot;
      c[P.C_ARG] = arg;
      c[P.C_END] = end;
      c[P.C_N] = n;
      channel.params[0] = G;
      channel.params[1] = H;
      Atomics.add(c, P.C_SEQ, 1);
      Atomics.notify(c, P.C_SEQ);
    }
  }

  /** Waits for every worker and merges its split with the local one. */
  private collect(localBest: HistSplit | null): HistSplit | null {
    let best = localBest;
    for (const { channel } of this.workers) {
      const c = channel.control;
      const seq = Atomics.load(c, P.C_SEQ);
      for (let done = Atomics.load(c, P.C_DONE); done !== seq; done = Atomics.load(c, P.C_DONE)) {
        if (Atomics.wait(c, P.C_DONE, done, 120_000) === 'timed-out')
          throw new Error('histogram worker timed out');
      }
      if (c[P.C_ERROR] === 1) throw new Error('histogram worker failed');
      const theirs = P.readResult(channel.result);
      if (theirs && (!best || theirs.gain > best.gain)) best = theirs;
    }
    return best;
  }
}
