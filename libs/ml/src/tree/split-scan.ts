import { proxy, type Criterion } from './criterion.js';

/** Best threshold found on one feature: rows with bin <= bin go left (missing per missingLeft). */
export interface ScanResult {
  gain: number;
  bin: number;
  missingLeft: boolean;
}

/**
 * Stats of the node's rows grouped by bin in increasing order: `stats` holds `width` numbers per
 * group (count first), `bins` the group's bin; `missing` the stats of rows with a missing value.
 */
export interface BinGroups {
  readonly bins: Int32Array;
  readonly stats: Float64Array;
  count: number;
  readonly missing: Float64Array;
}

export interface ScanContext {
  readonly criterion: Criterion;
  readonly width: number;
  readonly minSamplesLeaf: number;
  readonly parent: Float64Array;
  /** Scratch buffers of `width` numbers. */
  readonly left: Float64Array;
  readonly right: Float64Array;
}

/**
 * Squared-error scan over [count, sum] groups: gain is sumL²/nL + sumR²/nR (the impurity decrease
 * up to a constant).
 */
export function scanRegression(g: BinGroups, ctx: ScanContext, result: ScanResult): void {
  const N = ctx.parent[0];
  const S = ctx.parent[1];
  const nm = g.missing[0];
  const sm = g.missing[1];
  const minLeaf = ctx.minSamplesLeaf;
  let nL = 0;
  let sL = 0;
  const st = g.stats;
  for (let k = 0; k < g.count - 1; k++) {
    nL += st[k * 2];
    sL += st[k * 2 + 1];
    let nR = N - nL;
    let sR = S - sL;
    if (nL >= minLeaf && nR >= minLeaf) {
      const gain = (sL * sL) / nL + (sR * sR) / nR;
      if (gain > result.gain) set(result, gain, g.bins[k], false);
    }
    if (nm > 0) {
      const nL2 = nL + nm;
      nR -= nm;
      sR -= sm;
      if (nL2 >= minLeaf && nR >= minLeaf) {
        const gain = ((sL + sm) * (sL + sm)) / nL2 + (sR * sR) / nR;
        if (gain > result.gain) set(result, gain, g.bins[k], true);
      }
    }
  }
}

/** Generic scan for classification criteria over class-count stats. */
export function scanClassification(g: BinGroups, ctx: ScanContext, result: ScanResult): void {
  const { width: w, parent, left, right, criterion } = ctx;
  left.fill(0);
  for (let k = 0; k < g.count - 1; k++) {
    for (let c = 0; c < w; c++) left[c] += g.stats[k * w + c];
    for (let m = 0; m < (g.missing[0] > 0 ? 2 : 1); m++) {
      for (let c = 0; c < w; c++) {
        if (m === 1) left[c] += g.missing[c];
        right[c] = parent[c] - left[c];
      }
      if (left[0] >= ctx.minSamplesLeaf && right[0] >= ctx.minSamplesLeaf) {
        const gain = proxy(criterion, left, 0, w) + proxy(criterion, right, 0, w);
        if (gain > result.gain) set(result, gain, g.bins[k], m === 1);
      }
      if (m === 1) for (let c = 0; c < w; c++) left[c] -= g.missing[c];
    }
  }
}

function set(r: ScanResult, gain: number, bin: number, missingLeft: boolean): void {
  r.gain = gain;
  r.bin = bin;
  r.missingLeft = missingLeft;
}
