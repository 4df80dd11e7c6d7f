// Worker thread of fitForest: grows the trees it is given and sends them back in one message.
import { workerData, type MessagePort } from 'node:worker_threads';
import type { CartTask } from '../tree/cart-grower.js';
import { growForestTree } from './forest-core.js';
import type { GrownTreeMessage } from './forest-parallel.js';

interface ForestWorkerInit {
  readonly task: CartTask;
  readonly jobs: { index: number; seed: number }[];
  readonly bootstrap: boolean;
  readonly port: MessagePort;
  readonly signal: Int32Array;
}

const init = workerData as ForestWorkerInit;
try {
  const grown: GrownTreeMessage[] = init.jobs.map(({ index, seed }) => {
    const g = growForestTree(init.task, seed, init.bootstrap);
    Atomics.add(init.signal, 1, 1);
    const t = g.tree;
    return {
      index,
      arrays: [t.feature, t.threshold, t.missingLeft, t.left, t.right, t.value, t.nSamples],
      nOutputs: t.nOutputs,
      importance: g.importance,
      inBag: g.inBag,
    };
  });
  init.port.postMessage(grown);
  Atomics.store(init.signal, 0, 1);
} catch {
  Atomics.store(init.signal, 0, 2);
}
Atomics.notify(init.signal, 0);
