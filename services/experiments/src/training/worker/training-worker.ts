import 'reflect-metadata';
import { parentPort, workerData } from 'node:worker_threads';
import { evaluate } from '../domain/evaluate.js';
import type { TrainInput } from '../domain/train-types.js';

// Runs one training off the service's event loop, posting its events and then its result.
const port = parentPort!;
try {
  const steps = evaluate(workerData as TrainInput);
  let next = steps.next();
  while (!next.done) {
    port.postMessage({ kind: 'event', event: next.value });
    next = steps.next();
  }
  port.postMessage({ kind: 'done', output: next.value });
} catch (error) {
  port.postMessage({
    kind: 'error',
    message: error instanceof Error ? error.message : String(error),
  });
}
