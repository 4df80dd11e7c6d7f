import {
  MessageChannel,
  receiveMessageOnPort,
  Worker,
  type MessagePort,
} from 'node:worker_threads';
import type { CartTask } from '../tree/cart-grower.js';
import { TreeArrays } from '../tree/tree-arrays.js';
import { workerScriptAvailable } from '../util/worker-script.js';

const WORKER_URL = new URL('./forest-worker.js', import.meta.url);

/** A tree grown in a worker, as structured-cloned typed arrays. */
export interface GrownTreeMessage {
  readonly index: number;
  readonly arrays: [
    Int32Array,
    Float64Array,
    Int32Array,
    Int32Array,
    Int32Array,
    Float64Array,
    Float64Array,
  ];
  readonly nOutputs: number;
  readonly importance: Float64Array;
  readonly inBag: Uint8Array;
}

export interface GrownForestTree {
  readonly tree: TreeArrays;
  readonly importance: Float64Array;
  readonly inBag: Uint8Array;
}

export function forestWorkersAvailable(): boolean {
  return workerScriptAvailable(WORKER_URL);
}

/** signal[0]: 0 running, 1 done, 2 failed; signal[1]: trees grown so far (progress only). */
export interface Running {
  readonly worker: Worker;
  readonly port: MessagePort;
  readonly signal: Int32Array;
}

/** Starts one worker growing the given trees; its result is read by `collectTrees`. */
export function startTreeWorker(
  task: CartTask,
  jobs: { index: number; seed: number }[],
  bootstrap: boolean,
): Running {
  const { port1, port2 } = new MessageChannel();
  const signal = new Int32Array(new SharedArrayBuffer(8));
  const worker = new Worker(WORKER_URL, {
    workerData: { task, jobs, bootstrap, port: port2, signal },
    transferList: [port2],
  });
  worker.unref();
  return { worker, port: port1, signal };
}

/** Trees the worker has grown so far. */
export function treesGrown(r: Running): number {
  return Atomics.load(r.signal, 1);
}

/** Stops a worker whose trees are no longer wanted (the fit was aborted). */
export function stopTreeWorker(r: Running): void {
  r.port.close();
  void r.worker.terminate();
}

/**
 * Blocks until the worker is done and returns its trees by forest index. With `poll`, wakes every
 * `pollMs` while waiting and calls it (progress reporting).
 */
export function collectTrees(
  r: Running,
  poll?: () => void,
  pollMs = 100,
): Map<number, GrownForestTree> {
  const timeout = 600_000;
  let waited = 0;
  while (Atomics.load(r.signal, 0) === 0) {
    const slice = poll ? pollMs : timeout;
    if (Atomics.wait(r.signal, 0, 0, slice) === 'timed-out') {
      waited += slice;
      if (waited >= timeout) throw new Error('forest worker timed out');
      poll?.();
    }
  }
  if (Atomics.load(r.signal, 0) !== 1) throw new Error('forest worker failed');
  const received = receiveMessageOnPort(r.port);
  r.port.close();
  void r.worker.terminate();
  if (!received) throw new Error('forest worker sent no trees');
  const out = new Map<number, GrownForestTree>();
  for (const m of received.message as GrownTreeMessage[]) {
    out.set(m.index, {
      tree: new TreeArrays(...m.arrays, m.nOutputs),
      importance: m.importance,
      inBag: m.inBag,
    });
  }
  return out;
}
