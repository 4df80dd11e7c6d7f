import { Worker } from 'node:worker_threads';

/**
 * One training worker started ahead of need, its modules loaded, waiting for its input: a training
 * takes it instead of paying the thread's start and module loading, and the next one starts at
 * once. An idle spare does not keep the process alive.
 */
export class WarmWorkers {
  private spare: Worker | null = null;

  constructor(private readonly url: URL) {}

  /** Starts the spare if there is none. */
  warm(): void {
    if (this.spare) return;
    const worker = new Worker(this.url);
    worker.unref();
    const forget = () => {
      if (this.spare === worker) this.spare = null;
    };
    worker.on('error', forget);
    worker.on('exit', forget);
    this.spare = worker;
  }

  /** The spare (or a new worker), now the caller's, kept referenced; a new spare starts. */
  take(): Worker {
    if (!this.spare) this.warm();
    const worker = this.spare!;
    this.spare = null;
    worker.removeAllListeners();
    worker.ref();
    this.warm();
    return worker;
  }

  /** Ends the spare (service shutdown). */
  async cool(): Promise<void> {
    const worker = this.spare;
    this.spare = null;
    await worker?.terminate();
  }
}
