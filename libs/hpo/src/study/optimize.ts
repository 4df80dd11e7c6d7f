import { TrialPruned } from '../core/errors.js';
import type { FrozenTrial } from '../core/trial-model.js';
import type { Study } from './study.js';
import type { Trial } from './trial.js';

export type Objective = (
  trial: Trial,
) => number | readonly number[] | Promise<number | readonly number[]>;

export interface OptimizeOptions {
  /** Trials to run in this call (across all jobs). Without it, runs until stopped or timed out. */
  readonly nTrials?: number;
  /** Stop starting trials after this many seconds. */
  readonly timeout?: number;
  /** Concurrent asynchronous workers sharing the study (useful for I/O-bound objectives). */
  readonly nJobs?: number;
  /** Errors for which the trial is marked FAIL and optimisation continues. */
  readonly catch?: (error: unknown) => boolean;
  readonly callbacks?: readonly ((study: Study, trial: FrozenTrial) => void)[];
}

/** Runs the ask -> objective -> tell loop with `nJobs` workers until the budget is spent. */
export async function runOptimize(
  study: Study,
  objective: Objective,
  options: OptimizeOptions,
): Promise<void> {
  study.resume();
  const deadline = options.timeout === undefined ? Infinity : Date.now() + options.timeout * 1000;
  let started = 0;
  let aborted = false;
  const budgetLeft = (): boolean =>
    !aborted && !study.stopped && started < (options.nTrials ?? Infinity) && Date.now() < deadline;
  const worker = async (): Promise<void> => {
    try {
      while (budgetLeft()) {
        started += 1;
        const finished = await runOneTrial(study, objective, options);
        for (const callback of options.callbacks ?? []) callback(study, finished);
      }
    } catch (error) {
      // Other workers finish their current trial but start no new one, then the error surfaces.
      aborted = true;
      throw error;
    }
  };
  const jobs = Math.max(1, options.nJobs ?? 1);
  const outcomes = await Promise.allSettled(Array.from({ length: jobs }, () => worker()));
  const failure = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected');
  if (failure !== undefined) throw failure.reason;
}

async function runOneTrial(
  study: Study,
  objective: Objective,
  options: OptimizeOptions,
): Promise<FrozenTrial> {
  const trial = await study.ask();
  let result: number | readonly number[];
  try {
    result = await objective(trial);
  } catch (error) {
    if (error instanceof TrialPruned) return study.tell(trial.number, 'PRUNED');
    const failed = await study.tell(trial.number, 'FAIL');
    if (options.catch?.(error) === true) return failed;
    throw error;
  }
  return study.tell(trial.number, result);
}
