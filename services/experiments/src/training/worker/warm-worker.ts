import { Worker } from 'node:worker_threads';

/**
 * Training workers kept warm: one idle worker, its modules loaded, waits for a training's input. A
 * training takes it (or starts one when none is idle) instead of paying the thread's start and
 * module loading, and gives it back when it ended cleanly, so a study's many short trials load
 * the modules once. A worker that was terminated (cancelled, pruned, crashed) is replaced. An idle
 * worker does not keep the process alive.
 */
export class WarmWorkers {
  private spare: Worker | null = null;

  constructor(private readonly url: URL) {}

  /** Starts the idle worker if there is none. */
  warm(): void {
    if (!this.spare) this.idle(new Worker(this.url));
  }

  /** The idle worker (or a new one), now the caller's and kept referenced. */
  take(): Worker {
    const worker = this.spare ?? new Worker(this.url);
    this.spare = null;
    worker.removeAllListeners();
    worker.ref();
    return worker;
  }

  /** A worker whose training ended cleanly waits for the next one (a second idle one ends). */
  release(worker: Worker): void {
    worker.removeAllListeners();
    if (this.spare) void worker.terminate();
    else this.idle(worker);
  }

  /** Ends the idle worker (service shutdown). */
  async cool(): Promise<void> {
    const worker = this.spare;
    this.spare = null;
    await worker?.terminate();
  }

  private idle(worker: Worker): void {
    worker.unref();
    const forget = () => {
      if (this.spare === worker) this.spare = null;
    };
    worker.on('error', forget);
    worker.on('exit', forget);
    this.spare = worker;
  }
}
