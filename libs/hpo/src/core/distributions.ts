import { HpoError } from './errors.js';

/** Value a categorical parameter may take (Optuna allows None, bool, int, float and str). */
export type CategoricalChoice = string | number | boolean | null;
/** External (user-facing) value of any parameter. */
export type ParamValue = CategoricalChoice;

export interface FloatDistribution {
  readonly kind: 'float';
  readonly low: number;
  readonly high: number;
  readonly log: boolean;
  readonly step: number | null;
}

export interface IntDistribution {
  readonly kind: 'int';
  readonly low: number;
  readonly high: number;
  readonly log: boolean;
  readonly step: number;
}

export interface CategoricalDistribution {
  readonly kind: 'categorical';
  readonly choices: readonly CategoricalChoice[];
}

/** Plain, JSON-serialisable description of a parameter's search space. */
export type Distribution = FloatDistribution | IntDistribution | CategoricalDistribution;

const invalid = (message: string): HpoError => new HpoError('INVALID_DISTRIBUTION', message);

/** Builds a validated float distribution; errors carry Optuna's messages. */
export function floatDistribution(
  low: number,
  high: number,
  options: { log?: boolean; step?: number | null } = {},
): FloatDistribution {
  const log = options.log ?? false;
  const step = options.step ?? null;
  if (log && step !== null) {
    throw invalid('The parameter `step` is not supported when `log` is true.');
  }
  if (low > high) {
    throw invalid(
      `The \`low\` value must be smaller than or equal to the \`high\` value (low=${low}, high=${high}).`,
    );
  }
  if (log && low <= 0) {
    throw invalid(
      `The \`low\` value must be larger than 0 for a log distribution (low=${low}, high=${high}).`,
    );
  }
  if (step !== null && step <= 0) {
    throw invalid(`The \`step\` value must be non-zero positive value, but step=${step}.`);
  }
  const adjustedHigh = step === null ? high : adjustFloatHigh(low, high, step);
  return { kind: 'float', low, high: adjustedHigh, log, step };
}

/** Builds a validated int distribution; errors carry Optuna's messages. */
export function intDistribution(
  low: number,
  high: number,
  options: { log?: boolean; step?: number } = {},
): IntDistribution {
  const log = options.log ?? false;
  const step = options.step ?? 1;
  if (![low, high, step].every(Number.isInteger)) {
    throw invalid(`\`low\`, \`high\` and \`step\` must be integers (low=${low}, high=${high}).`);
  }
  if (log && step !== 1) {
    throw invalid(
      'Samplers and other components in Optuna only accept step is 1 when `log` argument is True.',
    );
  }
  if (low > high) {
    throw invalid(
      `The \`low\` value must be smaller than or equal to the \`high\` value (low=${low}, high=${high}).`,
    );
  }
  if (log && low < 1) {
    throw invalid(
      `The \`low\` value must be equal to or greater than 1 for a log distribution (low=${low}, high=${high}).`,
    );
  }
  if (step <= 0) {
    throw invalid(`The \`step\` value must be non-zero positive value, but step=${step}.`);
  }
  const adjustedHigh = Math.floor((high - low) / step) * step + low;
  return { kind: 'int', low, high: adjustedHigh, log, step };
}

export function categoricalDistribution(
  choices: readonly CategoricalChoice[],
): CategoricalDistribution {
  if (choices.length === 0) throw invalid('The `choices` must contain one or more elements.');
  return { kind: 'categorical', choices: [...choices] };
}

/** Like Optuna, shrinks `high` to the last grid point when the range is not a multiple of `step`. */
function adjustFloatHigh(low: number, high: number, step: number): number {
  const ratio = (high - low) / step;
  const n = Math.round(ratio);
  if (Math.abs(ratio - n) <= 1e-9 * Math.max(1, Math.abs(ratio))) return high;
  return Math.floor(ratio) * step + low;
}

/** Maps a user value to the number stored and modelled (the index for categoricals). */
export function toInternal(dist: Distribution, value: ParamValue): number {
  if (dist.kind === 'categorical') {
    const index = dist.choices.findIndex((c) => sameChoice(c, value));
    if (index < 0) {
      throw new HpoError('INVALID_VALUE', `'${String(value)}' not in ${formatChoices(dist)}.`);
    }
    return index;
  }
  if (typeof value !== 'number' || Number.isNaN(value)) {
    throw new HpoError('INVALID_VALUE', `\`${String(value)}\` is invalid value.`);
  }
  if (dist.log && value <= 0) {
    throw new HpoError('INVALID_VALUE', `\`${value}\` is invalid value for the case log=True.`);
  }
  return value;
}

export function toExternal(dist: Distribution, internal: number): ParamValue {
  switch (dist.kind) {
    case 'categorical':
      return dist.choices[internal];
    case 'int':
      return Math.round(internal);
    case 'float':
      return internal;
  }
}

/** Whether an internal value lies in the distribution (grid-aware for stepped ones). */
export function contains(dist: Distribution, internal: number): boolean {
  if (dist.kind === 'categorical') {
    return Number.isInteger(internal) && internal >= 0 && internal < dist.choices.length;
  }
  if (internal < dist.low || internal > dist.high) return false;
  if (dist.kind === 'int') {
    return Number.isInteger(internal) && (internal - dist.low) % dist.step === 0;
  }
  if (dist.step === null) return true;
  const k = (internal - dist.low) / dist.step;
  return Math.abs(k - Math.round(k)) < 1e-8;
}

/** True when the distribution admits exactly one value. */
export function isSingle(dist: Distribution): boolean {
  if (dist.kind === 'categorical') return dist.choices.length === 1;
  if (dist.low === dist.high) return true;
  if (dist.kind === 'float' && dist.step === null) return false;
  const step = dist.step ?? 1;
  return dist.high - dist.low < step;
}

export function distributionsEqual(a: Distribution, b: Distribution): boolean {
  if (a.kind === 'categorical' || b.kind === 'categorical') {
    if (a.kind !== 'categorical' || b.kind !== 'categorical') return false;
    return (
      a.choices.length === b.choices.length &&
      a.choices.every((c, i) => sameChoice(c, b.choices[i]))
    );
  }
  return (
    a.kind === b.kind &&
    a.low === b.low &&
    a.high === b.high &&
    a.log === b.log &&
    a.step === b.step
  );
}

/** Optuna's `check_distribution_compatibility`: same kind, same log flag, same categorical choices. */
export function checkCompatibility(previous: Distribution, next: Distribution): void {
  if (previous.kind !== next.kind) {
    throw invalid('Cannot set different distribution kind to the same parameter name.');
  }
  if (previous.kind !== 'categorical' && next.kind !== 'categorical') {
    if (previous.log !== next.log) {
      throw invalid('Cannot set different log configuration to the same parameter name.');
    }
    return;
  }
  if (!distributionsEqual(previous, next)) {
    throw invalid('CategoricalDistribution does not support dynamic value space.');
  }
}

function sameChoice(a: ParamValue, b: ParamValue): boolean {
  return a === b || (typeof a === 'number' && typeof b === 'number' && isNaN(a) && isNaN(b));
}

function formatChoices(dist: CategoricalDistribution): string {
  return `(${dist.choices.map((c) => (typeof c === 'string' ? `'${c}'` : String(c))).join(', ')})`;
}
