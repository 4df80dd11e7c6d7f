import { MISSING_BIN } from '../tree/bin-mapper.js';
import { FEATURE_STRIDE, SLOTS } from './histogram.js';

export interface SplitRules {
  readonly l2: number;
  readonly minSamplesLeaf: number;
  readonly minHessian: number;
  /** Real-value bins per feature. */
  readonly nBins: Int32Array;
  /** Whether the feature had missing values in training. */
  readonly hasMissing: Uint8Array;
}

export interface HistSplit {
  gain: number;
  feature: number;
  bin: number;
  missingLeft: boolean;
  gL: number;
  hL: number;
  nL: number;
}

interface NodeTotals {
  readonly G: number;
  readonly H: number;
  readonly n: number;
  readonly parentScore: number;
  readonly constHess: boolean;
}

/** Best split of a node over all features, or null when no split has positive gain. */
export function bestSplit(
  hist: Float64Array,
  G: number,
  H: number,
  n: number,
  rules: SplitRules,
  constHess: boolean,
  features: readonly [number, number] = [0, rules.nBins.length],
): HistSplit | null {
  const best: HistSplit = { gain: 0, feature: -1, bin: 0, missingLeft: false, gL: 0, hL: 0, nL: 0 };
  const totals: NodeTotals = { G, H, n, parentScore: (G * G) / (H + rules.l2), constHess };
  for (let f = features[0]; f < features[1]; f++) scanFeature(hist, f, totals, rules, best);
  return best.feature < 0 ? null : best;
}

/**
 * Scans the bins of feature f left to right. Missing values are tried on both sides when the
 * feature had any in training; otherwise they follow the larger child at prediction time.
 */
function scanFeature(
  hist: Float64Array,
  f: number,
  t: NodeTotals,
  rules: SplitRules,
  best: HistSplit,
): void {
  const { G, H, n } = t;
  const hOff = t.constHess ? 2 : 1;
  const off = f * FEATURE_STRIDE;
  const mo = off + MISSING_BIN * SLOTS;
  const nm = hist[mo + 2];
  const miss = { g: hist[mo], h: hist[mo + hOff], n: nm };
  const bothWays = rules.hasMissing[f] === 1 && nm > 0;
  if (!bothWays) {
    scanOneWay(hist, f, t, rules, best, hOff);
    return;
  }
  const l2 = rules.l2;
  const minLeaf = rules.minSamplesLeaf;
  const minHess = rules.minHessian;
  let gL = 0;
  let hL = 0;
  let nL = 0;
  const last = rules.nBins[f] - 1;
  for (let b = 0; b < last; b++) {
    const o = off + b * SLOTS;
    const cnt = hist[o + 2];
    if (cnt === 0) continue;
    gL += hist[o];
    hL += hist[o + hOff];
    nL += cnt;
    if (n - nL - (bothWays ? 0 : nm) < minLeaf && !bothWays) break;
    if (nL >= minLeaf && n - nL >= minLeaf && hL >= minHess && H - hL >= minHess) {
      const gR = G - gL;
      const gain = (gL * gL) / (hL + l2) + (gR * gR) / (H - hL + l2) - t.parentScore;
      if (gain > best.gain)
        record(best, gain, f, b, rules.hasMissing[f] === 0 && nL > n - nL, gL, hL, nL);
    }
    if (bothWays) {
      const gl = gL + miss.g;
      const hl = hL + miss.h;
      const nl = nL + miss.n;
      if (nl < minLeaf || n - nl < minLeaf || hl < minHess || H - hl < minHess) continue;
      const gr = G - gl;
      const gain = (gl * gl) / (hl + l2) + (gr * gr) / (H - hl + l2) - t.parentScore;
      if (gain > best.gain) record(best, gain, f, b, true, gl, hl, nl);
    }
  }
}

/** scanFeature without missing values to place: one candidate per bin, in a tight loop. */
function scanOneWay(
  hist: Float64Array,
  f: number,
  t: NodeTotals,
  rules: SplitRules,
  best: HistSplit,
  hOff: number,
): void {
  const { G, H, n } = t;
  const off = f * FEATURE_STRIDE;
  const l2 = rules.l2;
  const minLeaf = rules.minSamplesLeaf;
  const minHess = rules.minHessian;
  const maxLeft = n - minLeaf;
  // compare gL²/(hL+λ) + gR²/(hR+λ) with the best gain plus the parent's score
  let bar = best.gain + t.parentScore;
  let gL = 0;
  let hL = 0;
  let nL = 0;
  let bestBin = -1;
  const last = rules.nBins[f] - 1;
  for (let b = 0; b < last; b++) {
    const o = off + b * SLOTS;
    const cnt = hist[o + 2];
    if (cnt === 0) continue;
    gL += hist[o];
    hL += hist[o + hOff];
    nL += cnt;
    if (nL > maxLeft) break;
    if (nL < minLeaf || hL < minHess || H - hL < minHess) continue;
    const gR = G - gL;
    const score = (gL * gL) / (hL + l2) + (gR * gR) / (H - hL + l2);
    if (score > bar) {
      bar = score;
      bestBin = b;
    }
  }
  if (bestBin < 0) return;
  // recompute the left sums of the winning bin once
  let g = 0;
  let h = 0;
  let c = 0;
  for (let b = 0; b <= bestBin; b++) {
    const o = off + b * SLOTS;
    if (hist[o + 2] === 0) continue;
    g += hist[o];
    h += hist[o + hOff];
    c += hist[o + 2];
  }
  const missingLeft = rules.hasMissing[f] === 0 && c > n - c;
  record(best, bar - t.parentScore, f, bestBin, missingLeft, g, h, c);
}

function record(
  best: HistSplit,
  gain: number,
  feature: number,
  bin: number,
  missingLeft: boolean,
  gL: number,
  hL: number,
  nL: number,
): void {
  best.gain = gain;
  best.feature = feature;
  best.bin = bin;
  best.missingLeft = missingLeft;
  best.gL = gL;
  best.hL = hL;
  best.nL = nL;
}
