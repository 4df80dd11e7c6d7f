/** Per feature 256 bins × [sum of gradients, sum of hessians, count]. */
export const SLOTS = 3;
export const FEATURE_STRIDE = 256 * SLOTS;

export interface GradientData {
  /** Column-major bin codes, nRows × nFeatures. */
  readonly codes: Uint8Array;
  readonly nRows: number;
  readonly nFeatures: number;
  readonly gradients: Float64Array;
  /** null when every hessian is 1 (squared and absolute error): counts stand in for them. */
  readonly hessians: Float64Array | null;
}

/**
 * Fills hist (zeroed by the caller) with the gradient histogram of rows[start, end). Gradients are
 * gathered once into contiguous buffers so the per-feature loops read them sequentially.
 */
export function buildHistogram(
  d: GradientData,
  rows: Uint32Array,
  start: number,
  end: number,
  hist: Float64Array,
  scratch: { g: Float64Array; h: Float64Array },
  features: readonly [number, number] = [0, d.nFeatures],
): void {
  const m = end - start;
  const g = scratch.g;
  const h = scratch.h;
  const hess = d.hessians;
  const grad = d.gradients;
  const whole = m === d.nRows;
  for (let k = 0; k < m; k++) {
    const r = whole ? k : rows[start + k];
    g[k] = grad[r];
    if (hess) h[k] = hess[r];
  }
  const idx = rows.subarray(start, end);
  const col = (f: number): Uint8Array => d.codes.subarray(f * d.nRows, (f + 1) * d.nRows);
  const fhist = (f: number): Float64Array =>
    hist.subarray(f * FEATURE_STRIDE, (f + 1) * FEATURE_STRIDE);
  let f = features[0];
  // two features per pass over the rows: the row index and gradient are loaded once for both
  for (; f + 2 <= features[1]; f += 2) {
    if (hess) accumulatePairHess(col(f), col(f + 1), idx, g, h, fhist(f), fhist(f + 1), m);
    else accumulatePair(col(f), col(f + 1), idx, g, fhist(f), fhist(f + 1), m);
  }
  for (; f < features[1]; f++) {
    if (whole) accumulateAll(col(f), g, hess ? h : null, fhist(f), m);
    else accumulateRows(col(f), idx, g, hess ? h : null, fhist(f), m);
  }
}

function accumulatePairHess(
  c1: Uint8Array,
  c2: Uint8Array,
  idx: Uint32Array,
  g: Float64Array,
  h: Float64Array,
  h1: Float64Array,
  h2: Float64Array,
  m: number,
): void {
  for (let k = 0; k < m; k++) {
    const r = idx[k];
    const gk = g[k];
    const hk = h[k];
    const o1 = c1[r] * 3;
    const o2 = c2[r] * 3;
    h1[o1] += gk;
    h1[o1 + 1] += hk;
    h1[o1 + 2]++;
    h2[o2] += gk;
    h2[o2 + 1] += hk;
    h2[o2 + 2]++;
  }
}

function accumulatePair(
  c1: Uint8Array,
  c2: Uint8Array,
  idx: Uint32Array,
  g: Float64Array,
  h1: Float64Array,
  h2: Float64Array,
  m: number,
): void {
  for (let k = 0; k < m; k++) {
    const r = idx[k];
    const gk = g[k];
    const o1 = c1[r] * 3;
    const o2 = c2[r] * 3;
    h1[o1] += gk;
    h1[o1 + 2]++;
    h2[o2] += gk;
    h2[o2 + 2]++;
  }
}

/** Root node: every row, in order, so bin codes are read sequentially. */
function accumulateAll(
  col: Uint8Array,
  g: Float64Array,
  h: Float64Array | null,
  fh: Float64Array,
  m: number,
): void {
  if (h) {
    for (let k = 0; k < m; k++) {
      const o = col[k] * 3;
      fh[o] += g[k];
      fh[o + 1] += h[k];
      fh[o + 2]++;
    }
  } else {
    for (let k = 0; k < m; k++) {
      const o = col[k] * 3;
      fh[o] += g[k];
      fh[o + 2]++;
    }
  }
}

function accumulateRows(
  col: Uint8Array,
  idx: Uint32Array,
  g: Float64Array,
  h: Float64Array | null,
  fh: Float64Array,
  m: number,
): void {
  if (h) {
    for (let k = 0; k < m; k++) {
      const o = col[idx[k]] * 3;
      fh[o] += g[k];
      fh[o + 1] += h[k];
      fh[o + 2]++;
    }
  } else {
    for (let k = 0; k < m; k++) {
      const o = col[idx[k]] * 3;
      fh[o] += g[k];
      fh[o + 2]++;
    }
  }
}

/** into = parent - child (histogram subtraction: the sibling without touching its rows). */
export function subtractHistogram(
  parent: Float64Array,
  child: Float64Array,
  features: readonly [number, number],
): void {
  const end = features[1] * FEATURE_STRIDE;
  for (let i = features[0] * FEATURE_STRIDE; i < end; i++) parent[i] -= child[i];
}
