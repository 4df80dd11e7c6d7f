import {
  categoricalDistribution,
  checkCompatibility,
  contains,
  floatDistribution,
  intDistribution,
  isSingle,
  toExternal,
  toInternal,
} from './distributions.js';
import { HpoError } from './errors.js';

describe('distribution validation (Optuna messages)', () => {
  it('rejects log with a non-positive low', () => {
    expect(() => floatDistribution(0, 1, { log: true })).toThrow(
      'The `low` value must be larger than 0 for a log distribution (low=0, high=1).',
    );
    expect(() => intDistribution(0, 10, { log: true })).toThrow(
      'The `low` value must be equal to or greater than 1 for a log distribution (low=0, high=10).',
    );
  });

  it('rejects log together with step', () => {
    expect(() => floatDistribution(1, 10, { log: true, step: 1 })).toThrow(
      'The parameter `step` is not supported when `log` is true.',
    );
    expect(() => intDistribution(1, 10, { log: true, step: 2 })).toThrow(
      'Samplers and other components in Optuna only accept step is 1 when `log` argument is True.',
    );
  });

  it('rejects low greater than high', () => {
    expect(() => floatDistribution(2, 1)).toThrow(
      'The `low` value must be smaller than or equal to the `high` value (low=2, high=1).',
    );
    expect(() => intDistribution(5, 4)).toThrow(
      'The `low` value must be smaller than or equal to the `high` value (low=5, high=4).',
    );
  });

  it('rejects a non-positive step and empty choices', () => {
    expect(() => floatDistribution(0, 1, { step: 0 })).toThrow(
      'The `step` value must be non-zero positive value, but step=0.',
    );
    expect(() => intDistribution(0, 10, { step: -1 })).toThrow(
      'The `step` value must be non-zero positive value, but step=-1.',
    );
    expect(() => categoricalDistribution([])).toThrow(
      'The `choices` must contain one or more elements.',
    );
  });

  it('raises HpoError with code INVALID_DISTRIBUTION', () => {
    let caught: unknown;
    try {
      floatDistribution(2, 1);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(HpoError);
    expect((caught as HpoError).code).toBe('INVALID_DISTRIBUTION');
  });

  it('shrinks high to the last grid point like Optuna', () => {
    expect(floatDistribution(0, 1, { step: 0.3 }).high).toBeCloseTo(0.9);
    expect(floatDistribution(0, 1, { step: 0.25 }).high).toBe(1);
    expect(intDistribution(0, 10, { step: 3 }).high).toBe(9);
  });
});

describe('re-suggesting a name with another distribution', () => {
  it('rejects another kind, another log flag and other categorical choices', () => {
    expect(() => checkCompatibility(floatDistribution(0, 1), intDistribution(0, 1))).toThrow(
      'Cannot set different distribution kind to the same parameter name.',
    );
    expect(() =>
      checkCompatibility(floatDistribution(1, 2), floatDistribution(1, 2, { log: true })),
    ).toThrow('Cannot set different log configuration to the same parameter name.');
    expect(() =>
      checkCompatibility(categoricalDistribution(['a']), categoricalDistribution(['a', 'b'])),
    ).toThrow('CategoricalDistribution does not support dynamic value space.');
  });

  it('accepts the same kind with another range', () => {
    expect(() =>
      checkCompatibility(floatDistribution(0, 1), floatDistribution(0, 2)),
    ).not.toThrow();
  });
});

describe('internal representation', () => {
  it('maps categorical choices of every type to indices and back', () => {
    const dist = categoricalDistribution(['a', 1, true, null]);
    expect([toInternal(dist, 'a'), toInternal(dist, 1), toInternal(dist, true)]).toEqual([0, 1, 2]);
    expect(toInternal(dist, null)).toBe(3);
    expect(toExternal(dist, 2)).toBe(true);
    expect(() => toInternal(dist, 'z')).toThrow("'z' not in ('a', 1, true, null).");
  });

  it('checks membership on step grids', () => {
    const stepped = floatDistribution(0, 1, { step: 0.25 });
    expect(contains(stepped, 0.5)).toBe(true);
    expect(contains(stepped, 0.3)).toBe(false);
    expect(contains(intDistribution(0, 10, { step: 2 }), 3)).toBe(false);
    expect(isSingle(intDistribution(3, 4, { step: 2 }))).toBe(true);
    expect(isSingle(floatDistribution(0, 1))).toBe(false);
  });
});
