import type { Distribution, ParamValue } from './distributions.js';
import type { AttrValue, FrozenTrial, TrialState } from './trial-model.js';

/** JSON form of a FrozenTrial (for messages and storage rows): no Map, no Date. */
export interface TrialJson {
  readonly trialId: string;
  readonly number: number;
  readonly state: TrialState;
  readonly values: number[] | null;
  readonly params: Record<string, ParamValue>;
  readonly internalParams: Record<string, number>;
  readonly distributions: Record<string, Distribution>;
  /** [step, value] pairs in ascending step order. */
  readonly intermediateValues: [number, number][];
  readonly userAttrs: Record<string, AttrValue>;
  readonly systemAttrs: Record<string, AttrValue>;
  /** ISO-8601 timestamps. */
  readonly datetimeStart: string | null;
  readonly datetimeComplete: string | null;
}

export function trialToJson(trial: FrozenTrial): TrialJson {
  return {
    trialId: trial.trialId,
    number: trial.number,
    state: trial.state,
    values: trial.values === null ? null : [...trial.values],
    params: { ...trial.params },
    internalParams: { ...trial.internalParams },
    distributions: { ...trial.distributions },
    intermediateValues: [...trial.intermediateValues.entries()].sort((a, b) => a[0] - b[0]),
    userAttrs: { ...trial.userAttrs },
    systemAttrs: { ...trial.systemAttrs },
    datetimeStart: trial.datetimeStart?.toISOString() ?? null,
    datetimeComplete: trial.datetimeComplete?.toISOString() ?? null,
  };
}

export function trialFromJson(json: TrialJson): FrozenTrial {
  return Object.freeze({
    ...json,
    values: json.values === null ? null : [...json.values],
    intermediateValues: new Map(json.intermediateValues),
    datetimeStart: json.datetimeStart === null ? null : new Date(json.datetimeStart),
    datetimeComplete: json.datetimeComplete === null ? null : new Date(json.datetimeComplete),
  });
}
