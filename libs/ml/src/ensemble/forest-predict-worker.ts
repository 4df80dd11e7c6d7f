// Worker thread of predictForest: adds every tree's outputs for its range of rows, in shared memory.
import { workerData } from 'node:worker_threads';
import { addForestPredictions } from '../tree/packed-forest.js';
import type { PredictJob } from './forest-predict.js';

const job = workerData as PredictJob;
try {
  addForestPredictions(job.forest, job.codes, job.p, job.nRows, job.out, job.scale, job.range);
  Atomics.store(job.signal, 0, 1);
} catch {
  Atomics.store(job.signal, 0, 2);
}
Atomics.notify(job.signal, 0);
