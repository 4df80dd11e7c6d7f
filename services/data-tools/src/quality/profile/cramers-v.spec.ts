import { cramersV } from './cramers-v.js';

/** Reference values: ydata-profiling's _cramers_corrected_stat with scipy 1.10 (chi2_contingency, Yates on 2x2). */
describe("bias-corrected Cramér's V", () => {
  const cells = (m: number[][]) =>
    m.flatMap((row, i) => row.map((n, j) => [`r${i}`, `c${j}`, n] as const));

  it('matches scipy on a 2 x 2 table (Yates-corrected chi-squared)', () => {
    expect(
      cramersV(
        cells([
          [30, 10],
          [5, 25],
        ]),
      ),
    ).toBeCloseTo(0.5390282651106854, 12);
  });

  it('matches scipy on a 3 x 3 table', () => {
    expect(
      cramersV(
        cells([
          [12, 5, 3],
          [4, 15, 6],
          [2, 3, 20],
        ]),
      ),
    ).toBeCloseTo(0.48915498822430276, 12);
  });

  it('is undefined for a single category', () => {
    expect(cramersV(cells([[3, 4]]))).toBeNull();
  });
});
