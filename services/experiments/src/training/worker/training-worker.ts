import 'reflect-metadata';
import { parentPort, workerData } from 'node:worker_threads';
import { evaluate } from '../domain/evaluate.js';
import { ProgressThrottle } from '../domain/train-progress.js';
import type { TrainEvent, TrainInput } from '../domain/train-types.js';

// Runs one training off the service's event loop, posting its events (tree progress thinned out,
// posted from inside the fits) and then its result.
const port = parentPort!;
const throttle = new ProgressThrottle(performance.now());
const post = (event: TrainEvent) => {
  if (throttle.pass(event, performance.now())) port.postMessage({ kind: 'event', event });
};
try {
  const steps = evaluate(workerData as TrainInput, post);
  let next = steps.next();
  while (!next.done) {
    post(next.value);
    next = steps.next();
  }
  port.postMessage({ kind: 'done', output: next.value });
} catch (error) {
  port.postMessage({
    kind: 'error',
    message: error instanceof Error ? error.message : String(error),
  });
}
