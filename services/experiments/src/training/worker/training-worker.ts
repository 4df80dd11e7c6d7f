import 'reflect-metadata';
import { parentPort } from 'node:worker_threads';
import { evaluate } from '../domain/evaluate.js';
import { ProgressThrottle } from '../domain/train-progress.js';
import type { TrainEvent, TrainInput } from '../domain/train-types.js';

// Runs trainings off the service's event loop, posting its events (tree progress thinned out,
// posted from inside the fits), the model file as soon as the final fit is scored (its bytes
// moved, not copied, so the service stores it while the explanations run) and then the rest of
// the result.
const port = parentPort!;
const postModel = (model: Uint8Array) => {
  // TextEncoder's bytes own a plain ArrayBuffer (not a shared one)
  port.postMessage({ kind: 'model', model }, [model.buffer as ArrayBuffer]);
};
function train(input: TrainInput) {
  const throttle = new ProgressThrottle(performance.now());
  const post = (event: TrainEvent) => {
    if (throttle.pass(event, performance.now())) port.postMessage({ kind: 'event', event });
  };
  try {
    const steps = evaluate(input, post, postModel);
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
}

// started ahead of need (modules loaded): each message is a training's input, one at a time (the
// service gives a worker back for the next training once one has ended cleanly)
port.on('message', train);
