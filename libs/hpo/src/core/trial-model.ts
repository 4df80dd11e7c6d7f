import type { Distribution, ParamValue } from './distributions.js';

export type TrialState = 'RUNNING' | 'COMPLETE' | 'PRUNED' | 'FAIL' | 'WAITING';
export type StudyDirection = 'minimize' | 'maximize';

/** JSON value stored as a user or system attribute. */
export type AttrValue =
  string | number | boolean | null | AttrValue[] | { [key: string]: AttrValue };

/** Immutable snapshot of a trial, as stored. Storages replace, never mutate, these records. */
export interface FrozenTrial {
  readonly trialId: string;
  readonly number: number;
  readonly state: TrialState;
  /** Objective values (one per direction) once COMPLETE; last reported value for PRUNED trials. */
  readonly values: readonly number[] | null;
  /** External parameter values, e.g. `'adam'` for a categorical. */
  readonly params: Readonly<Record<string, ParamValue>>;
  /** Internal (numeric) parameter values: categorical index, raw number otherwise. */
  readonly internalParams: Readonly<Record<string, number>>;
  readonly distributions: Readonly<Record<string, Distribution>>;
  readonly intermediateValues: ReadonlyMap<number, number>;
  readonly userAttrs: Readonly<Record<string, AttrValue>>;
  readonly systemAttrs: Readonly<Record<string, AttrValue>>;
  readonly datetimeStart: Date | null;
  readonly datetimeComplete: Date | null;
}

export function isFinished(state: TrialState): boolean {
  return state === 'COMPLETE' || state === 'PRUNED' || state === 'FAIL';
}

/** Last step with an intermediate value, or null. */
export function lastStep(trial: FrozenTrial): number | null {
  let last: number | null = null;
  for (const step of trial.intermediateValues.keys()) if (last === null || step > last) last = step;
  return last;
}

/** The single objective value of a trial, or null when it has none. */
export function trialValue(trial: FrozenTrial): number | null {
  return trial.values !== null && trial.values.length === 1 ? trial.values[0] : null;
}
