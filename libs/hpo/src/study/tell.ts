import { HpoError } from '../core/errors.js';
import type { FrozenTrial, TrialState } from '../core/trial-model.js';
import { isFinished, lastStep } from '../core/trial-model.js';
import type { StudyCore } from './study-core.js';

/** What a trial ended with: objective value(s), or an explicit PRUNED / FAIL state. */
export type TellOutcome = number | readonly number[] | 'PRUNED' | 'FAIL';

export interface TellOptions {
  /** Ignore (instead of rejecting) a tell for a trial that already finished. */
  readonly skipIfFinished?: boolean;
}

/** Finishes a trial by number, with Optuna's checks; trials may be told in any order. */
export async function tellTrial(
  core: StudyCore,
  trialNumber: number,
  outcome: TellOutcome,
  options: TellOptions = {},
): Promise<FrozenTrial> {
  const frozen = await findTrial(core, trialNumber);
  if (isFinished(frozen.state) && options.skipIfFinished === true) return frozen;
  if (frozen.state !== 'RUNNING') {
    throw new HpoError('INVALID_STATE', `Cannot tell a ${frozen.state} trial.`);
  }
  const { state, values, failReason } = resolveOutcome(core, frozen, outcome);
  try {
    if (failReason !== undefined) {
      await core.storage.setTrialSystemAttr(frozen.trialId, 'fail_reason', failReason);
    }
    await core.storage.setTrialStateValues(frozen.trialId, state, values);
  } catch (error) {
    // Another tell finished the trial after it was read: with skipIfFinished that one stands.
    const lostRace = error instanceof HpoError && error.code === 'INVALID_STATE';
    if (lostRace && options.skipIfFinished === true) return core.storage.getTrial(frozen.trialId);
    throw error;
  }
  const finished = await core.storage.getTrial(frozen.trialId);
  if (core.sampler.afterTrial !== undefined) {
    const decision = core.sampler.afterTrial(await core.view(), finished, state);
    if (decision.stopStudy) core.stop();
  }
  return finished;
}

async function findTrial(core: StudyCore, trialNumber: number): Promise<FrozenTrial> {
  try {
    return await core.trialByNumber(trialNumber);
  } catch (error) {
    if (error instanceof HpoError && error.code === 'NOT_FOUND') {
      throw new HpoError(
        'NOT_FOUND',
        `Cannot tell for trial with number ${trialNumber} since it has not been created.`,
      );
    }
    throw error;
  }
}

interface Resolved {
  state: TrialState;
  values: readonly number[] | null;
  failReason?: string;
}

/** Like Optuna, infeasible values (NaN, wrong count) fail the trial rather than throw. */
function resolveOutcome(core: StudyCore, trial: FrozenTrial, outcome: TellOutcome): Resolved {
  if (outcome === 'FAIL') return { state: 'FAIL', values: null };
  if (outcome === 'PRUNED') {
    const step = lastStep(trial);
    const last = step === null ? undefined : trial.intermediateValues.get(step);
    const usable = last !== undefined && !Number.isNaN(last) && core.directions.length === 1;
    return { state: 'PRUNED', values: usable ? [last] : null };
  }
  const values = typeof outcome === 'number' ? [outcome] : outcome;
  const reason = infeasibility(values, core.directions.length);
  if (reason !== undefined) return { state: 'FAIL', values: null, failReason: reason };
  return { state: 'COMPLETE', values };
}

function infeasibility(values: readonly number[], nObjectives: number): string | undefined {
  for (const v of values) {
    if (typeof v !== 'number') return `The value ${String(v)} could not be cast to float.`;
    if (Number.isNaN(v)) return `The value ${v} is not acceptable.`;
  }
  if (values.length !== nObjectives) {
    return `The number of the values ${values.length} did not match the number of the objectives ${nObjectives}.`;
  }
  return undefined;
}
