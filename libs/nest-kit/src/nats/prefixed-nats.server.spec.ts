import { headers } from '@nats-io/transport-node';
import { HEADERS } from '@hydroml/contracts';
import { isPastDeadline, prefixSubject } from './prefixed-nats.server.js';

describe('prefixed NATS server helpers', () => {
  it('prefixes subjects only when a prefix is set', () => {
    expect(prefixSubject('', 'auth.users.me')).toBe('auth.users.me');
    expect(prefixSubject('test_1', 'auth.users.me')).toBe('test_1.auth.users.me');
  });

  it('recognises a request whose caller has stopped waiting', () => {
    const h = headers();
    h.set(HEADERS.deadline, '1000');
    expect(isPastDeadline({ headers: h }, 2000)).toBe(true);
    expect(isPastDeadline({ headers: h }, 500)).toBe(false);
    expect(isPastDeadline({ headers: undefined }, 2000)).toBe(false);
  });
});
