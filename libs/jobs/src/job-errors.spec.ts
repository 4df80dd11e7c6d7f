import { DomainError } from '@hydroml/contracts';
import { isPermanentFailure, retryDelayMs, toJobError } from './job-errors.js';

describe('job failure rules', () => {
  it('treats input errors as permanent and everything else as retryable', () => {
    expect(isPermanentFailure(new DomainError('invalid_argument', 'bad csv'))).toBe(true);
    expect(isPermanentFailure(new DomainError('unavailable', 'db down'))).toBe(false);
    expect(isPermanentFailure(new Error('boom'))).toBe(false);
  });

  it('doubles the delay per attempt up to the cap', () => {
    expect([1, 2, 3, 4, 10].map((a) => retryDelayMs(a, 100, 500))).toEqual([
      100, 200, 400, 500, 500,
    ]);
  });

  it('keeps a readable reason for any error', () => {
    expect(toJobError(new DomainError('not_found', 'gone', { id: 1 }))).toMatchObject({
      code: 'not_found',
      message: 'gone',
      details: { id: 1 },
    });
    expect(toJobError(new Error('disk full'))).toEqual({ code: 'internal', message: 'disk full' });
    expect(toJobError('odd')).toEqual({ code: 'internal', message: 'odd' });
  });
});
