/**
 * Bias-corrected Cramér's V (Bergsma 2013), as ydata-profiling computes it: chi-squared of the
 * contingency table (with Yates' correction when it is 2 x 2, like scipy's chi2_contingency), then
 * phi2 and the table's dimensions corrected for small samples. Cells are [a, b, count].
 */
export function cramersV(cells: ReadonlyArray<readonly [string, string, number]>): number | null {
  const rowsOf = new Map<string, number>();
  const colsOf = new Map<string, number>();
  let n = 0;
  for (const [a, b, k] of cells) {
    rowsOf.set(a, (rowsOf.get(a) ?? 0) + k);
    colsOf.set(b, (colsOf.get(b) ?? 0) + k);
    n += k;
  }
  const r = rowsOf.size;
  const k = colsOf.size;
  if (n < 2 || r < 2 || k < 2) return null;
  const chi2 = chiSquared(cells, rowsOf, colsOf, n, r === 2 && k === 2);
  const phi2 = chi2 / n;
  const phi2corr = Math.max(0, phi2 - ((k - 1) * (r - 1)) / (n - 1));
  const rcorr = r - (r - 1) ** 2 / (n - 1);
  const kcorr = k - (k - 1) ** 2 / (n - 1);
  const rkcorr = Math.min(kcorr - 1, rcorr - 1);
  if (rkcorr === 0) return 1;
  const v = Math.sqrt(phi2corr / rkcorr);
  return Number.isFinite(v) ? v : null;
}

function chiSquared(
  cells: ReadonlyArray<readonly [string, string, number]>,
  rowsOf: Map<string, number>,
  colsOf: Map<string, number>,
  n: number,
  yates: boolean,
): number {
  const observed = new Map(cells.map(([a, b, c]) => [`${a}\u0000${b}`, c]));
  let chi2 = 0;
  for (const [a, ra] of rowsOf) {
    for (const [b, cb] of colsOf) {
      const expected = (ra * cb) / n;
      const o = observed.get(`${a}\u0000${b}`) ?? 0;
      let diff = Math.abs(o - expected);
      if (yates) diff = Math.max(0, diff - Math.min(0.5, diff));
      chi2 += (diff * diff) / expected;
    }
  }
  return chi2;
}
