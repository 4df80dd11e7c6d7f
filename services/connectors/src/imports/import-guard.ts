import { DomainError } from '@hydroml/contracts';
import type { JobContext } from '@hydroml/jobs';

/** The servers cancel the query at the import timeout; past this grace the job stops it itself. */
const DEADLINE_GRACE_MS = 2_000;

/** Stops an import when its job is cancelled or its query outlives IMPORT_QUERY_TIMEOUT_MS. */
export class ImportGuard {
  private readonly deadline: AbortSignal;
  private readonly removals: Array<() => void> = [];

  constructor(
    private readonly ctx: JobContext,
    private readonly timeoutMs: number,
  ) {
    this.deadline = AbortSignal.timeout(timeoutMs + DEADLINE_GRACE_MS);
  }

  /** Throws when the job was cancelled or the deadline passed. */
  check(): void {
    this.ctx.throwIfCancelled();
    if (this.deadline.aborted) throw this.timedOut();
  }

  /** Calls `stop` once, at cancellation or the deadline, e.g. to destroy a stream that waits. */
  onStop(stop: (reason: Error) => void): void {
    const cancelled = () => stop(new Error('import cancelled'));
    const late = () => stop(this.timedOut());
    this.ctx.signal.addEventListener('abort', cancelled, { once: true });
    this.deadline.addEventListener('abort', late, { once: true });
    this.removals.push(() => {
      this.ctx.signal.removeEventListener('abort', cancelled);
      this.deadline.removeEventListener('abort', late);
    });
  }

  dispose(): void {
    for (const remove of this.removals.splice(0)) remove();
  }

  /** The job's error: permanent (not retried), since the same query would run as long again. */
  private timedOut(): DomainError {
    return new DomainError(
      'failed_precondition',
      `the import query ran longer than ${this.timeoutMs} ms (IMPORT_QUERY_TIMEOUT_MS) and was cancelled`,
      { reason: 'deadline_exceeded', timeoutMs: this.timeoutMs },
    );
  }

  /** Any timeout of the source's query, from the server or the deadline, as the job's error. */
  translate(error: unknown): unknown {
    if (this.ctx.signal.aborted) return error; // cancelled or stopping: the worker settles it
    const timedOut = error instanceof DomainError && error.code === 'deadline_exceeded';
    return timedOut || this.deadline.aborted ? this.timedOut() : error;
  }
}
