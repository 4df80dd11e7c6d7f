import { evaluate } from '../domain/evaluate.js';
import { ProgressThrottle } from '../domain/train-progress.js';
import type { TrainEvent, TrainInput, TrainOutput } from '../domain/train-types.js';
import { WarmWorkers } from './warm-worker.js';
import { compiledWorkerUrl } from './worker-url.js';

const WORKER_URL = compiledWorkerUrl(new URL('./training-worker.js', import.meta.url));
const workers = WORKER_URL ? new WarmWorkers(WORKER_URL) : null;

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
  /**
   * Given the model file as soon as the final fit is scored, while the explanations still run (to
   * store it meanwhile). The training resolves only once this has settled and fails if it fails.
   */
  onModel?: (model: Uint8Array) => Promise<void>;
}

/** Starts the model's storing; a failure is handled here and rethrown where it is awaited. */
function storing(options: RunTrainingOptions, model: Uint8Array): Promise<void> {
  const stored = Promise.resolve(options.onModel?.(model));
  stored.catch(() => undefined);
  return stored;
}

export function workerAvailable(): boolean {
  return workers !== null;
}

/** Starts a training worker ahead of the first training (the service does at start). */
export function warmTrainingWorker(): void {
  workers?.warm();
}

/** Ends the idle training worker (service shutdown); running trainings are not touched. */
export function coolTrainingWorker(): Promise<void> {
  return workers?.cool() ?? Promise.resolve();
}

/**
 * Runs a training in a worker thread, so the service keeps answering requests and job heartbeats
 * while a model fits; terminating the worker is how cancellation and pruning stop it. Without a
 * compiled worker (sources never built) the training runs on this thread.
 */
export function runTraining(input: TrainInput, options: RunTrainingOptions = {}) {
  return workers ? inWorker(workers, input, options) : runTrainingOnThread(input, options);
}

/**
 * On this thread the fits block the caller, so tree events are collected while a fit runs and
 * handed on (in order, thinned out as in the worker) with the event that follows it.
 */
export async function runTrainingOnThread(
  input: TrainInput,
  options: RunTrainingOptions = {},
): Promise<TrainOutput> {
  const throttle = new ProgressThrottle(performance.now());
  const pending: TrainEvent[] = [];
  let stored = Promise.resolve();
  const steps = evaluate(
    input,
    (event) => {
      if (throttle.pass(event, performance.now())) pending.push(event);
    },
    (model) => {
      stored = storing(options, model);
    },
  );
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
  await stored;
  return next.value;
}

type WorkerMessage =
  | { kind: 'event'; event: TrainEvent }
  | { kind: 'model'; model: Uint8Array }
  | { kind: 'done'; output: Omit<TrainOutput, 'model'> }
  | { kind: 'error'; message: string };

function inWorker(workers: WarmWorkers, input: TrainInput, options: RunTrainingOptions) {
  return new Promise<TrainOutput>((resolve, reject) => {
    const worker = workers.take();
    worker.postMessage(input);
    let chain: Promise<unknown> = Promise.resolve();
    let settled = false;
    let model: { file: Uint8Array; stored: Promise<void> } | null = null;
    /** A worker that ended its training cleanly serves the next one; a stopped one is ended. */
    const settle = (reusable: boolean) => {
      settled = true;
      options.signal?.removeEventListener('abort', onAbort);
      if (reusable) return workers.release(worker);
      void worker.terminate();
      workers.warm();
    };
    const stop = (error: Error, reusable = false) => {
      if (settled) return;
      settle(reusable);
      reject(error);
    };
    const onAbort = () => stop(new TrainingStopped('cancelled'));
    options.signal?.addEventListener('abort', onAbort, { once: true });
    const handle = async (message: WorkerMessage) => {
      if (settled) return;
      // the worker caught the failure and is ready for the next training
      if (message.kind === 'error') return stop(new TrainingFailed(message.message), true);
      if (message.kind === 'model') {
        model = { file: message.model, stored: storing(options, message.model) };
      } else if (message.kind === 'done') {
        if (!model) return stop(new TrainingFailed('the training worker sent no model'));
        await model.stored;
        if (settled) return;
        settle(true);
        resolve({ ...message.output, model: model.file });
      } else if ((await options.onEvent?.(message.event)) === 'stop') {
        stop(new TrainingStopped('stopped'));
      }
    };
    worker.on('message', (message: WorkerMessage) => {
      chain = chain
        .then(() => handle(message))
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
