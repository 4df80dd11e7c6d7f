import { logNormalMass } from './normal-math.js';
import type { Distribution } from '../../core/distributions.js';

export interface ParzenParams {
  readonly considerPrior: boolean;
  readonly priorWeight: number;
  readonly considerMagicClip: boolean;
  readonly considerEndpoints: boolean;
  readonly multivariate: boolean;
  /** Multivariate bandwidth: Optuna's shared Scott-like rule, or per-point neighbour gaps. */
  readonly multivariateBandwidth: 'scott' | 'neighbour';
  /** Kernel count the magic clip divides the range by; defaults to the group's own (Optuna). */
  readonly clipKernels?: number;
}

export type ParamKernels =
  | {
      readonly kind: 'numeric';
      readonly mus: number[];
      readonly sigmas: number[];
      /** log of each kernel's mass inside the bounds (its truncation normaliser). */
      readonly logZ: number[];
      /** Truncation bounds in the transformed space (widened by half a step when discrete). */
      readonly low: number;
      readonly high: number;
      readonly step: number | null;
    }
  | { readonly kind: 'categorical'; readonly probs: number[][] };

interface Bounds {
  low: number;
  high: number;
  step: number | null;
}

/** Where a distribution is modelled: log space for log params, widened by half a step if discrete. */
export function transformedBounds(dist: Distribution): Bounds {
  if (dist.kind === 'categorical') return { low: 0, high: dist.choices.length - 1, step: 1 };
  if (dist.log) {
    const pad = dist.kind === 'int' ? 0.5 : 0;
    return { low: Math.log(dist.low - pad), high: Math.log(dist.high + pad), step: null };
  }
  const step = dist.step;
  if (step === null) return { low: dist.low, high: dist.high, step: null };
  return { low: dist.low - step / 2, high: dist.high + step / 2, step };
}

export function transform(dist: Distribution, internal: number): number {
  return dist.kind !== 'categorical' && dist.log ? Math.log(internal) : internal;
}

/** Back from the modelling space to a valid internal value of `dist`. */
export function untransform(dist: Distribution, x: number): number {
  if (dist.kind === 'categorical') return Math.round(x);
  const value = dist.log ? Math.exp(x) : x;
  const step = dist.kind === 'int' ? dist.step : dist.step;
  if (step === null) return Math.min(dist.high, Math.max(dist.low, value));
  const snapped = dist.low + Math.round((value - dist.low) / step) * step;
  return Math.min(dist.high, Math.max(dist.low, snapped));
}

export function buildKernels(
  observations: readonly number[],
  dist: Distribution,
  params: ParzenParams,
  nParams: number,
): ParamKernels {
  if (dist.kind === 'categorical') {
    return {
      kind: 'categorical',
      probs: categoricalProbs(observations, dist.choices.length, params),
    };
  }
  const bounds = transformedBounds(dist);
  const mus = observations.map((v) => transform(dist, v));
  const sigmas =
    params.multivariate && params.multivariateBandwidth === 'scott'
      ? multivariateSigmas(mus.length, bounds, nParams)
      : univariateSigmas(mus, bounds, params);
  const nKernels = mus.length + (params.considerPrior ? 1 : 0);
  clipSigmas(sigmas, bounds, params.clipKernels ?? nKernels, params);
  if (params.considerPrior || mus.length === 0) {
    mus.push(0.5 * (bounds.low + bounds.high));
    sigmas.push(bounds.high - bounds.low);
  }
  const logZ = mus.map((mu, i) =>
    logNormalMass((bounds.low - mu) / sigmas[i], (bounds.high - mu) / sigmas[i]),
  );
  return {
    kind: 'numeric',
    mus,
    sigmas,
    logZ,
    low: bounds.low,
    high: bounds.high,
    step: bounds.step,
  };
}

/** Each kernel as wide as the larger gap to its sorted neighbours (bounds and prior included). */
function univariateSigmas(mus: readonly number[], b: Bounds, params: ParzenParams): number[] {
  if (mus.length === 0) return [];
  const points = mus.map((mu, index) => ({ mu, index }));
  if (params.considerPrior) points.push({ mu: 0.5 * (b.low + b.high), index: -1 });
  points.sort((p, q) => p.mu - q.mu);
  const padded = [b.low, ...points.map((p) => p.mu), b.high];
  const sorted = points.map((_, i) =>
    Math.max(padded[i + 1] - padded[i], padded[i + 2] - padded[i + 1]),
  );
  if (!params.considerEndpoints && padded.length > 3) {
    sorted[0] = padded[2] - padded[1];
    sorted[sorted.length - 1] = padded[padded.length - 2] - padded[padded.length - 3];
  }
  const sigmas = new Array<number>(mus.length);
  points.forEach((p, i) => {
    if (p.index >= 0) sigmas[p.index] = sorted[i];
  });
  return sigmas;
}

/** Optuna's multivariate bandwidth: Scott-like rule shrinking with the number of observations. */
function multivariateSigmas(n: number, b: Bounds, nParams: number): number[] {
  const sigma = 0.2 * Math.pow(Math.max(n, 1), -1 / (nParams + 4)) * (b.high - b.low);
  return new Array<number>(n).fill(sigma);
}

function clipSigmas(sigmas: number[], b: Bounds, nKernels: number, params: ParzenParams): void {
  const range = b.high - b.low;
  const maxSigma = range;
  const minSigma = params.considerMagicClip ? range / Math.min(100, 1 + nKernels) : 1e-12;
  for (let i = 0; i < sigmas.length; i++) {
    sigmas[i] = Math.min(maxSigma, Math.max(minSigma, sigmas[i], 1e-12));
  }
}

function categoricalProbs(
  observations: readonly number[],
  nChoices: number,
  params: ParzenParams,
): number[][] {
  if (observations.length === 0) return [new Array<number>(nChoices).fill(1 / nChoices)];
  const nKernels = observations.length + (params.considerPrior ? 1 : 0);
  const rows = Array.from({ length: nKernels }, () =>
    new Array<number>(nChoices).fill(params.priorWeight / nKernels),
  );
  observations.forEach((choice, i) => (rows[i][Math.round(choice)] += 1));
  return rows.map((row) => {
    const sum = row.reduce((a, b) => a + b, 0);
    return row.map((p) => p / sum);
  });
}
