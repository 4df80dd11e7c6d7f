// Worker thread of ParallelEngine: owns the histograms of one feature range.
import { workerData } from 'node:worker_threads';
import { FeatureShard, type ShardData } from './feature-shard.js';
import type { SplitRules } from './split-finder.js';
import * as P from './worker-protocol.js';

export interface WorkerInit {
  readonly data: ShardData;
  readonly rules: SplitRules;
  readonly features: [number, number];
  readonly channel: P.Channel;
}

function serve(init: WorkerInit): void {
  const shard = new FeatureShard(init.data, init.rules, init.features);
  const { control: c, params, result } = init.channel;
  let seen = 0;
  for (;;) {
    Atomics.wait(c, P.C_SEQ, seen);
    seen = Atomics.load(c, P.C_SEQ);
    const op = c[P.C_OP];
    if (op === P.OP_EXIT) return;
    try {
      if (op === P.OP_BUILD) {
        shard.build(c[P.C_SLOT], c[P.C_ARG], c[P.C_END]);
        P.writeResult(result, shard.find(c[P.C_SLOT], params[0], params[1], c[P.C_N]));
      } else if (op === P.OP_SUBTRACT) {
        shard.subtract(c[P.C_SLOT], c[P.C_ARG]);
        P.writeResult(result, shard.find(c[P.C_SLOT], params[0], params[1], c[P.C_N]));
      } else if (op === P.OP_RELEASE_ALL) {
        shard.releaseAll();
      }
    } catch {
      // reported through the error flag: the waiting grower throws
      Atomics.store(c, P.C_ERROR, 1);
    }
    Atomics.store(c, P.C_DONE, seen);
    Atomics.notify(c, P.C_DONE);
  }
}

serve(workerData as WorkerInit);
