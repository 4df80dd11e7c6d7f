import { DomainError } from '@hydroml/contracts';
import { failureKind, failureMessage } from './failure-kind.js';

describe('connection failure kinds', () => {
  it('sorts driver errors by code and message', () => {
    expect(failureKind({ code: 'ENOTFOUND' })).toBe('dns');
    expect(failureKind({ code: 'ECONNREFUSED' })).toBe('refused');
    expect(failureKind({ code: '28P01' })).toBe('authentication');
    expect(failureKind({ code: 'ER_ACCESS_DENIED_ERROR' })).toBe('authentication');
    expect(failureKind({ code: '3D000' })).toBe('database');
    expect(failureKind({ code: 'ER_BAD_DB_ERROR' })).toBe('database');
    expect(failureKind(new Error('Connection terminated due to connection timeout'))).toBe(
      'timeout',
    );
    expect(failureKind(new Error('The server does not support SSL connections'))).toBe('tls');
    expect(failureKind({ code: 'HANDSHAKE_NO_SSL_SUPPORT' })).toBe('tls');
    expect(failureKind(new DomainError('permission_denied', 'no', { kind: 'blocked' }))).toBe(
      'blocked',
    );
    expect(failureKind('weird')).toBe('other');
  });

  it('explains without echoing the error text', () => {
    expect(
      failureMessage('authentication', new Error('password "hunter2" rejected')),
    ).not.toContain('hunter2');
    expect(
      failureMessage(
        'blocked',
        new DomainError('permission_denied', "connections to 'x' are not allowed"),
      ),
    ).toMatch(/not allowed/);
  });
});
