import { completePairs, mean, variance } from './pairs.js';

type Vec = ArrayLike<number>;

/** Mean squared error. Pairs with NaN are skipped (see `regressionReport` for the count). */
export function mse(yTrue: Vec, yPred: Vec): number {
  const { yTrue: t, yPred: p } = completePairs(yTrue, yPred);
  let s = 0;
  for (let i = 0; i < t.length; i++) s += (t[i] - p[i]) ** 2;
  return s / t.length;
}

export function rmse(yTrue: Vec, yPred: Vec): number {
  return Math.sqrt(mse(yTrue, yPred));
}

export function mae(yTrue: Vec, yPred: Vec): number {
  const { yTrue: t, yPred: p } = completePairs(yTrue, yPred);
  let s = 0;
  for (let i = 0; i < t.length; i++) s += Math.abs(t[i] - p[i]);
  return s / t.length;
}

/** Mean absolute percentage error as a fraction (0.1 = 10 %), like scikit-learn. */
export function mape(yTrue: Vec, yPred: Vec): number {
  const { yTrue: t, yPred: p } = completePairs(yTrue, yPred);
  let s = 0;
  for (let i = 0; i < t.length; i++)
    s += Math.abs(t[i] - p[i]) / Math.max(Math.abs(t[i]), Number.EPSILON);
  return s / t.length;
}

export function maxError(yTrue: Vec, yPred: Vec): number {
  const { yTrue: t, yPred: p } = completePairs(yTrue, yPred);
  let m = 0;
  for (let i = 0; i < t.length; i++) m = Math.max(m, Math.abs(t[i] - p[i]));
  return m;
}

/** R² as scikit-learn: 1 for a perfect fit of constant targets, 0 for an imperfect one. */
export function r2(yTrue: Vec, yPred: Vec): number {
  const { yTrue: t, yPred: p } = completePairs(yTrue, yPred);
  const m = mean(t);
  let ssRes = 0;
  let ssTot = 0;
  for (let i = 0; i < t.length; i++) {
    ssRes += (t[i] - p[i]) ** 2;
    ssTot += (t[i] - m) ** 2;
  }
  if (ssTot === 0) return ssRes === 0 ? 1 : 0;
  return 1 - ssRes / ssTot;
}

export function explainedVariance(yTrue: Vec, yPred: Vec): number {
  const { yTrue: t, yPred: p } = completePairs(yTrue, yPred);
  const resid = t.map((v, i) => v - p[i]);
  const vt = variance(t);
  const vr = variance(resid);
  if (vt === 0) return vr === 0 ? 1 : 0;
  return 1 - vr / vt;
}

/**
 * Nash-Sutcliffe efficiency: 1 - SSE / sum((obs - mean(obs))²). NaN when the observations are
 * constant (the score is undefined, not infinitely bad).
 */
export function nse(yTrue: Vec, yPred: Vec): number {
  const { yTrue: t, yPred: p } = completePairs(yTrue, yPred);
  const m = mean(t);
  let num = 0;
  let den = 0;
  for (let i = 0; i < t.length; i++) {
    num += (t[i] - p[i]) ** 2;
    den += (t[i] - m) ** 2;
  }
  return den === 0 ? NaN : 1 - num / den;
}

interface KgeParts {
  r: number;
  muO: number;
  muS: number;
  sdO: number;
  sdS: number;
}

function kgeParts(yTrue: Vec, yPred: Vec): KgeParts {
  const { yTrue: t, yPred: p } = completePairs(yTrue, yPred);
  const muO = mean(t);
  const muS = mean(p);
  let cov = 0;
  for (let i = 0; i < t.length; i++) cov += (t[i] - muO) * (p[i] - muS);
  cov /= t.length;
  const sdO = Math.sqrt(variance(t));
  const sdS = Math.sqrt(variance(p));
  return { r: cov / (sdO * sdS), muO, muS, sdO, sdS };
}

/**
 * Kling-Gupta efficiency (Gupta et al. 2009): 1 - sqrt((r-1)² + (α-1)² + (β-1)²) with α = σs/σo and
 * β = μs/μo. NaN when observations or predictions are constant (r undefined) or the mean is 0.
 */
export function kge(yTrue: Vec, yPred: Vec): number {
  const { r, muO, muS, sdO, sdS } = kgeParts(yTrue, yPred);
  const alpha = sdS / sdO;
  const beta = muS / muO;
  const v = 1 - Math.sqrt((r - 1) ** 2 + (alpha - 1) ** 2 + (beta - 1) ** 2);
  return Number.isFinite(v) ? v : NaN;
}

/** Modified KGE' (Kling et al. 2012): variability as the ratio of coefficients of variation. */
export function kgePrime(yTrue: Vec, yPred: Vec): number {
  const { r, muO, muS, sdO, sdS } = kgeParts(yTrue, yPred);
  const gamma = sdS / muS / (sdO / muO);
  const beta = muS / muO;
  const v = 1 - Math.sqrt((r - 1) ** 2 + (gamma - 1) ** 2 + (beta - 1) ** 2);
  return Number.isFinite(v) ? v : NaN;
}

/**
 * Percent bias: 100 * sum(obs - pred) / sum(obs). Positive means the model under-estimates,
 * negative means it over-estimates. NaN when the observations sum to 0.
 */
export function pbias(yTrue: Vec, yPred: Vec): number {
  const { yTrue: t, yPred: p } = completePairs(yTrue, yPred);
  let num = 0;
  let den = 0;
  for (let i = 0; i < t.length; i++) {
    num += t[i] - p[i];
    den += t[i];
  }
  return den === 0 ? NaN : (100 * num) / den;
}

export interface RegressionReport {
  r2: number;
  rmse: number;
  mse: number;
  mae: number;
  mape: number;
  maxError: number;
  explainedVariance: number;
  nse: number;
  kge: number;
  kgePrime: number;
  pbias: number;
  /** Number of pairs skipped because the observation or prediction was missing. */
  skipped: number;
  n: number;
}

export function regressionReport(yTrue: Vec, yPred: Vec): RegressionReport {
  const { yTrue: t, yPred: p, skipped } = completePairs(yTrue, yPred);
  return {
    r2: r2(t, p),
    rmse: rmse(t, p),
    mse: mse(t, p),
    mae: mae(t, p),
    mape: mape(t, p),
    maxError: maxError(t, p),
    explainedVariance: explainedVariance(t, p),
    nse: nse(t, p),
    kge: kge(t, p),
    kgePrime: kgePrime(t, p),
    pbias: pbias(t, p),
    skipped,
    n: t.length,
  };
}
