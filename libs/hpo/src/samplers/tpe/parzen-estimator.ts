import type { Distribution } from '../../core/distributions.js';
import type { Rng } from '../../core/rng.js';
import { logNormalMass, logStandardNormalPdf, logSumExp } from './normal-math.js';
import type { ParzenParams } from './parzen-kernels.js';
import { buildKernels, type ParamKernels } from './parzen-kernels.js';

/**
 * Mixture of per-trial kernels (plus a prior kernel) over several parameters: truncated normals for
 * numbers (discretised for stepped and int params), smoothed one-hots for categoricals. Kernel k of
 * every parameter belongs to the same trial, so the mixture is multivariate when several are modelled.
 */
export class ParzenEstimator {
  private readonly logWeights: number[];
  private readonly weights: number[];
  private readonly kernels: Map<string, ParamKernels>;

  constructor(
    observations: Readonly<Record<string, readonly number[]>>,
    space: Readonly<Record<string, Distribution>>,
    params: ParzenParams,
    observationWeights: readonly number[],
  ) {
    const weights = [...observationWeights];
    if (params.considerPrior || weights.length === 0) weights.push(params.priorWeight);
    const total = weights.reduce((a, b) => a + b, 0);
    this.weights = weights.map((w) => w / total);
    this.logWeights = this.weights.map((w) => Math.log(w));
    const nParams = Object.keys(space).length;
    this.kernels = new Map(
      Object.entries(space).map(([name, dist]) => [
        name,
        buildKernels(observations[name] ?? [], dist, params, nParams),
      ]),
    );
  }

  /** Draws `n` points in the transformed space (log applied, categoricals as indices). */
  sample(rng: Rng, n: number): Record<string, number[]> {
    const out: Record<string, number[]> = {};
    for (const name of this.kernels.keys()) out[name] = [];
    for (let i = 0; i < n; i++) {
      const k = rng.weightedIndex(this.weights);
      for (const [name, kernel] of this.kernels) out[name].push(sampleKernel(rng, kernel, k));
    }
    return out;
  }

  /** Log density of each of the given points (same layout as `sample` returns). */
  logPdf(points: Readonly<Record<string, readonly number[]>>, n: number): number[] {
    const result: number[] = [];
    const terms = new Array<number>(this.weights.length);
    for (let i = 0; i < n; i++) {
      for (let k = 0; k < this.weights.length; k++) terms[k] = this.logWeights[k];
      for (const [name, kernel] of this.kernels) {
        const x = points[name][i];
        for (let k = 0; k < terms.length; k++) terms[k] += kernelLogPdf(kernel, k, x);
      }
      result.push(logSumExp(terms));
    }
    return result;
  }
}

function sampleKernel(rng: Rng, kernel: ParamKernels, k: number): number {
  if (kernel.kind === 'categorical') return rng.weightedIndex(kernel.probs[k]);
  const { low, high } = kernel;
  const mu = kernel.mus[k];
  const sigma = kernel.sigmas[k];
  // Kernel centres lie inside [low, high], so at least about a third of the mass is accepted.
  let x = mu;
  for (let attempt = 0; attempt < 64; attempt++) {
    const candidate = mu + sigma * rng.normal();
    if (candidate >= low && candidate <= high) {
      x = candidate;
      break;
    }
  }
  if (kernel.step === null) return x;
  const base = low + kernel.step / 2;
  const snapped = base + Math.round((x - base) / kernel.step) * kernel.step;
  return Math.min(high - kernel.step / 2, Math.max(base, snapped));
}

function kernelLogPdf(kernel: ParamKernels, k: number, x: number): number {
  if (kernel.kind === 'categorical') return Math.log(kernel.probs[k][Math.round(x)]);
  const mu = kernel.mus[k];
  const sigma = kernel.sigmas[k];
  const logZ = kernel.logZ[k];
  // Like Optuna 3.1, the kernel is not divided by sigma: every kernel has the same peak height.
  if (kernel.step === null) return logStandardNormalPdf((x - mu) / sigma) - logZ;
  const half = kernel.step / 2;
  return logNormalMass((x - half - mu) / sigma, (x + half - mu) / sigma) - logZ;
}
