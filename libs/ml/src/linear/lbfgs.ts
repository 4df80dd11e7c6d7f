/** Objective: returns f(x) and writes ∇f(x) into grad. */
export type Objective = (x: Float64Array, grad: Float64Array) => number;

export interface LbfgsOptions {
  readonly maxIter?: number;
  /** Stop when max |∇f| falls below this (scipy's pgtol, which scikit-learn sets to its tol). */
  readonly tol?: number;
  readonly memory?: number;
}

export interface LbfgsResult {
  readonly x: Float64Array;
  readonly value: number;
  readonly iterations: number;
  readonly converged: boolean;
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

function maxAbs(a: Float64Array): number {
  let m = 0;
  for (const v of a) m = Math.max(m, Math.abs(v));
  return m;
}

/** Two-loop recursion: direction = -H·g from the stored (s, y) pairs. */
function direction(g: Float64Array, ss: Float64Array[], ys: Float64Array[]): Float64Array {
  const q = Float64Array.from(g);
  const alphas = new Float64Array(ss.length);
  for (let k = ss.length - 1; k >= 0; k--) {
    alphas[k] = dot(ss[k], q) / dot(ys[k], ss[k]);
    for (let i = 0; i < q.length; i++) q[i] -= alphas[k] * ys[k][i];
  }
  const last = ss.length - 1;
  const gamma =
    last >= 0 ? dot(ss[last], ys[last]) / dot(ys[last], ys[last]) : 1 / Math.max(maxAbs(g), 1);
  for (let i = 0; i < q.length; i++) q[i] *= gamma;
  for (let k = 0; k < ss.length; k++) {
    const beta = dot(ys[k], q) / dot(ys[k], ss[k]);
    for (let i = 0; i < q.length; i++) q[i] += ss[k][i] * (alphas[k] - beta);
  }
  for (let i = 0; i < q.length; i++) q[i] = -q[i];
  return q;
}

/** Limited-memory BFGS with a backtracking Armijo line search. */
export function minimizeLbfgs(
  f: Objective,
  x0: Float64Array,
  opts: LbfgsOptions = {},
): LbfgsResult {
  const maxIter = opts.maxIter ?? 100;
  const tol = opts.tol ?? 1e-4;
  const memory = opts.memory ?? 10;
  let x = Float64Array.from(x0);
  let g = new Float64Array(x.length);
  let fx = f(x, g);
  const ss: Float64Array[] = [];
  const ys: Float64Array[] = [];
  for (let it = 0; it < maxIter; it++) {
    if (maxAbs(g) <= tol) return { x, value: fx, iterations: it, converged: true };
    const d = direction(g, ss, ys);
    const slope = dot(g, d);
    const xNew = new Float64Array(x.length);
    const gNew = new Float64Array(x.length);
    let step = 1;
    let fNew = Infinity;
    for (let tries = 0; tries < 40; tries++) {
      for (let i = 0; i < x.length; i++) xNew[i] = x[i] + step * d[i];
      fNew = f(xNew, gNew);
      if (fNew <= fx + 1e-4 * step * slope) break;
      step *= 0.5;
    }
    if (!(fNew < fx) && !(fNew <= fx)) return { x, value: fx, iterations: it, converged: false };
    const s = xNew.map((v, i) => v - x[i]);
    const y = gNew.map((v, i) => v - g[i]);
    if (dot(s, y) > 1e-10) {
      ss.push(s);
      ys.push(y);
      if (ss.length > memory) {
        ss.shift();
        ys.shift();
      }
    }
    const decrease = fx - fNew;
    x = xNew;
    g = gNew;
    fx = fNew;
    if (decrease <= 1e-15 * Math.max(Math.abs(fx), 1))
      return { x, value: fx, iterations: it + 1, converged: true };
  }
  return { x, value: fx, iterations: maxIter, converged: maxAbs(g) <= tol };
}
