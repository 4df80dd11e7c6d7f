import 'reflect-metadata';
import { parentPort, workerData } from 'node:worker_threads';
import { evaluate } from '../domain/evaluate.js';
import { ProgressThrottle } from '../domain/train-progress.js';
import type { TrainEvent, TrainInput } from '../domain/train-types.js';

// Runs one training off the service's event loop, posting its events (tree progress thinned out,
// posted from inside the fits), the model file as soon as the final fit is scored (its bytes
// moved, not copied, so the service stores it while the explanations run) and then the rest of
// the result.
const port = parentPort!;
const throttle = new ProgressThrottle(performance.now());
const post = (event: TrainEvent) => {
  if (throttle.pass(event, performance.now())) port.postMessage({ kind: 'event', event });
};
const postModel = (model: Uint8Array) => {
  port.postMessage({ kind: 'model', model }, [model.buffer]);
};
try {
  const steps = evaluate(workerData as TrainInput, post, postModel);
  let next = steps.next();
  while (!next.done) {
    post(next.value);
    next = steps.next();
  }
  // the model went ahead (its buffer is no longer this thread's)
  port.postMessage({ kind: 'done', output: { ...next.value, model: null } });
} catch (error) {
  port.postMessage({
    kind: 'error',
    message: error instanceof Error ? error.message : String(error),
  });
}
