/**
 * Maximum-likelihood lambdas of the Box-Cox and Yeo-Johnson transforms, as scipy.stats.boxcox and
 * yeojohnson (and scikit-learn's PowerTransformer) compute them: maximise the profile
 * log-likelihood `(λ − 1)·Σ g(x) − n/2·ln σ²(T_λ(x))` (σ² the population variance).
 */

export function boxCox(x: number, lambda: number): number {
  return lambda === 0 ? Math.log(x) : (Math.pow(x, lambda) - 1) / lambda;
}

export function yeoJohnson(x: number, lambda: number): number {
  if (x >= 0) return lambda === 0 ? Math.log1p(x) : (Math.pow(x + 1, lambda) - 1) / lambda;
  return lambda === 2 ? -Math.log1p(-x) : -(Math.pow(1 - x, 2 - lambda) - 1) / (2 - lambda);
}

function logVariance(values: readonly number[], transform: (x: number) => number): number {
  const ys = values.map(transform);
  const mean = ys.reduce((s, y) => s + y, 0) / ys.length;
  const variance = ys.reduce((s, y) => s + (y - mean) * (y - mean), 0) / ys.length;
  return Math.log(variance);
}

export function boxCoxLogLikelihood(values: readonly number[], lambda: number): number {
  const logSum = values.reduce((s, x) => s + Math.log(x), 0);
  const llf =
    (lambda - 1) * logSum - (values.length / 2) * logVariance(values, (x) => boxCox(x, lambda));
  return Number.isFinite(llf) ? llf : -Infinity;
}

export function yeoJohnsonLogLikelihood(values: readonly number[], lambda: number): number {
  const logSum = values.reduce((s, x) => s + Math.sign(x) * Math.log1p(Math.abs(x)), 0);
  const llf =
    (lambda - 1) * logSum - (values.length / 2) * logVariance(values, (x) => yeoJohnson(x, lambda));
  return Number.isFinite(llf) ? llf : -Infinity;
}

/** Argmax of `f` on [lo, hi]: a grid scan, then golden-section search around the best point. */
export function maximize(f: (x: number) => number, lo = -10, hi = 10, steps = 80): number {
  const h = (hi - lo) / steps;
  let best = lo;
  let bestValue = -Infinity;
  for (let i = 0; i <= steps; i += 1) {
    const x = lo + i * h;
    const value = f(x);
    if (value > bestValue) [best, bestValue] = [x, value];
  }
  let [a, b] = [Math.max(lo, best - h), Math.min(hi, best + h)];
  const ratio = (Math.sqrt(5) - 1) / 2;
  let c = b - ratio * (b - a);
  let d = a + ratio * (b - a);
  let [fc, fd] = [f(c), f(d)];
  while (b - a > 1e-10) {
    if (fc > fd) {
      [b, d, fd] = [d, c, fc];
      c = b - ratio * (b - a);
      fc = f(c);
    } else {
      [a, c, fc] = [c, d, fd];
      d = a + ratio * (b - a);
      fd = f(d);
    }
  }
  return (a + b) / 2;
}

export function fitBoxCoxLambda(values: readonly number[]): number {
  return maximize((l) => boxCoxLogLikelihood(values, l));
}

export function fitYeoJohnsonLambda(values: readonly number[]): number {
  return maximize((l) => yeoJohnsonLogLikelihood(values, l));
}
