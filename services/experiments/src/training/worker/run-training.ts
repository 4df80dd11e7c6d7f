import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { evaluate } from '../domain/evaluate.js';
import { ProgressThrottle } from '../domain/train-progress.js';
import type { TrainEvent, TrainInput, TrainOutput } from '../domain/train-types.js';

const WORKER_URL = new URL('./training-worker.js', import.meta.url);

/** Thrown when the caller stopped the training between events (pruned or cancelled). */
export class TrainingStopped extends Error {
  constructor(readonly reason: string) {
    super(`training stopped: ${reason}`);
    this.name = 'TrainingStopped';
  }
}

/** Failure inside the trainer itself (bad data for the model, a library error). */
export class TrainingFailed extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TrainingFailed';
  }
}

export type EventAnswer = 'continue' | 'stop';

export interface RunTrainingOptions {
  signal?: AbortSignal;
  /**
   * Called for each fold or phase and for trees grown within a fit (thinned out); answering 'stop'
   * ends the training (TrainingStopped): the worker is terminated, mid-fit if need be.
   */
  onEvent?: (event: TrainEvent) => Promise<EventAnswer> | EventAnswer;
}

export function workerAvailable(): boolean {
  return WORKER_URL.protocol === 'file:' && existsSync(fileURLToPath(WORKER_URL));
}

/**
 * Runs a training in a worker thread, so the service keeps answering requests and job heartbeats
 * while a model fits; terminating the worker is how cancellation and pruning stop it. From
 * TypeScript sources (tests) there is no compiled worker and the training runs on this thread.
 */
export function runTraining(input: TrainInput, options: RunTrainingOptions = {}) {
  return workerAvailable() ? inWorker(input, options) : inline(input, options);
}

/**
 * On this thread the fits block the caller, so tree events are collected while a fit runs and
 * handed on (in order, thinned out as in the worker) with the event that follows it.
 */
async function inline(input: TrainInput, options: RunTrainingOptions): Promise<TrainOutput> {
  const throttle = new ProgressThrottle(performance.now());
  const pending: TrainEvent[] = [];
  const steps = evaluate(input, (event) => {
    if (throttle.pass(event, performance.now())) pending.push(event);
  });
  const step = () => {
    try {
      const next = steps.next();
      if (!next.done && throttle.pass(next.value, performance.now())) pending.push(next.value);
      return next;
    } catch (error) {
      throw new TrainingFailed(error instanceof Error ? error.message : String(error));
    }
  };
  let next = step();
  while (!next.done) {
    for (const event of pending.splice(0)) {
      await new Promise((resolve) => setImmediate(resolve));
      if (options.signal?.aborted) throw new TrainingStopped('cancelled');
      if ((await options.onEvent?.(event)) === 'stop') throw new TrainingStopped('stopped');
    }
    next = step();
  }
  return next.value;
}

type WorkerMessage =
  | { kind: 'event'; event: TrainEvent }
  | { kind: 'done'; output: TrainOutput }
  | { kind: 'error'; message: string };

function inWorker(input: TrainInput, options: RunTrainingOptions): Promise<TrainOutput> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_URL, { workerData: input });
    let chain: Promise<unknown> = Promise.resolve();
    let settled = false;
    const stop = (error: Error) => {
      if (settled) return;
      settled = true;
      options.signal?.removeEventListener('abort', onAbort);
      void worker.terminate();
      reject(error);
    };
    const onAbort = () => stop(new TrainingStopped('cancelled'));
    options.signal?.addEventListener('abort', onAbort, { once: true });
    worker.on('message', (message: WorkerMessage) => {
      chain = chain
        .then(async () => {
          if (settled) return;
          if (message.kind === 'error') return stop(new TrainingFailed(message.message));
          if (message.kind === 'done') {
            settled = true;
            options.signal?.removeEventListener('abort', onAbort);
            void worker.terminate();
            return resolve(message.output);
          }
          const answer = await options.onEvent?.(message.event);
          if (answer === 'stop') stop(new TrainingStopped('stopped'));
        })
        .catch((error: unknown) => stop(error instanceof Error ? error : new Error(String(error))));
    });
    // After the messages already queued (a 'done' may still be waiting behind an event).
    worker.on('error', (error) => {
      chain = chain.then(() => stop(new TrainingFailed(error.message)));
    });
    worker.on('exit', (code) => {
      chain = chain.then(() => stop(new TrainingFailed(`the training worker exited (${code})`)));
    });
  });
}
