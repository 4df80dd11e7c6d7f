/** Sorted distinct labels and each row's index into them. */
export function encodeLabels(y: ArrayLike<number>): { classes: Float64Array; codes: Int32Array } {
  const seen = new Set<number>();
  for (let i = 0; i < y.length; i++) {
    if (Number.isNaN(y[i])) throw new RangeError('class labels must not be NaN');
    seen.add(y[i]);
  }
  const classes = Float64Array.from(seen).sort();
  const index = new Map<number, number>();
  classes.forEach((c, k) => index.set(c, k));
  const codes = new Int32Array(y.length);
  for (let i = 0; i < y.length; i++) codes[i] = index.get(y[i]) ?? 0;
  return { classes, codes };
}
