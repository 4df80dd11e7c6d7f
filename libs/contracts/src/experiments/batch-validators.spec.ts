import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { isKeyValueEntry, isMetricEntry } from './batch-validators.js';
import { LogBatchDto } from './runs.dto.js';

describe('log-batch entry checks', () => {
  it('accepts MLflow metrics with numeric or text int64 and non-finite names', () => {
    expect(isMetricEntry({ key: 'm', value: 1.5, timestamp: 1, step: 2 })).toBe(true);
    expect(isMetricEntry({ key: 'm', value: 'NaN', timestamp: '1700000000000' })).toBe(true);
    expect(isMetricEntry({ key: 'm', value: 1, timestamp: 1, model_id: 'x' })).toBe(true);
  });

  it('refuses malformed metrics and key/values', () => {
    for (const bad of [
      null,
      [],
      { key: 1, value: 1, timestamp: 1 },
      { key: 'm', value: 'abc', timestamp: 1 },
      { key: 'm', value: 1, timestamp: 1.5 },
      { key: 'm', value: 1, timestamp: 1, step: 'x' },
      { key: 'm', value: 1, timestamp: 1, extra: true },
    ]) {
      expect(isMetricEntry(bad)).toBe(false);
    }
    expect(isKeyValueEntry({ key: 'a', value: 'b' })).toBe(true);
    expect(isKeyValueEntry({ key: 'a', value: 2 })).toBe(false);
    expect(isKeyValueEntry({ key: 'a', value: 'b', other: 1 })).toBe(false);
  });

  it('validates a whole batch DTO with one check per array', () => {
    const ok = plainToInstance(LogBatchDto, {
      run_id: 'a'.repeat(32),
      metrics: [{ key: 'm', value: 1, timestamp: 1 }],
      params: [{ key: 'p', value: 'v' }],
    });
    expect(validateSync(ok)).toEqual([]);
    const bad = plainToInstance(LogBatchDto, { metrics: [{ key: 'm' }], tags: 'x' });
    expect(validateSync(bad).map((e) => e.property)).toEqual(['metrics', 'tags']);
  });
});
