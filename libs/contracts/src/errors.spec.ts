import { DomainError, isContractError, isErrorCode } from './errors.js';

describe('contract errors', () => {
  it('turns a domain error into the wire shape with the correlation id', () => {
    const err = new DomainError('not_found', 'project not found', { id: 'x' });
    expect(err.toContract('c-1')).toEqual({
      code: 'not_found',
      message: 'project not found',
      details: { id: 'x' },
      correlationId: 'c-1',
    });
  });

  it('recognises only known codes', () => {
    expect(isErrorCode('conflict')).toBe(true);
    expect(isErrorCode('teapot')).toBe(false);
    expect(isContractError({ code: 'internal', message: 'boom' })).toBe(true);
    expect(isContractError({ code: 'internal' })).toBe(false);
    expect(isContractError(null)).toBe(false);
  });
});
