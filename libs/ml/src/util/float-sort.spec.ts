import { Random } from './random.js';
import { sortFloat64 } from './float-sort.js';

describe('sortFloat64', () => {
  it('orders large arrays exactly as the built-in sort, signs and infinities included', () => {
    const rng = new Random(2);
    const a = Float64Array.from(
      { length: 20_000 },
      () => (rng.next() - 0.5) * 10 ** Math.floor(rng.next() * 12 - 6),
    );
    a.set([0, -0, Infinity, -Infinity, 5e-324, -5e-324, 1.5, 1.5], 0);
    const expected = Float64Array.from(a).sort();
    const sorted = sortFloat64(Float64Array.from(a));
    expect(sorted.every((v, i) => Object.is(v, expected[i]))).toBe(true);
  });

  it('sorts small arrays too', () => {
    expect(Array.from(sortFloat64(Float64Array.of(3, -1, 2)))).toEqual([-1, 2, 3]);
  });
});
