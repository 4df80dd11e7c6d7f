import type { NatsConnection } from '@nats-io/transport-node';
import { corkUntilCheckPhase } from './cork.js';

function fakeConnection() {
  const calls: string[] = [];
  const socket = {
    destroyed: false,
    cork: () => calls.push('cork'),
    uncork: () => calls.push('uncork'),
  };
  const connection = { protocol: { transport: { socket } } } as unknown as NatsConnection;
  return { calls, connection };
}

describe('corkUntilCheckPhase', () => {
  it('corks once per loop turn and uncorks in the check phase', async () => {
    const { calls, connection } = fakeConnection();
    corkUntilCheckPhase(connection);
    corkUntilCheckPhase(connection);
    expect(calls).toEqual(['cork']);
    await new Promise((r) => setImmediate(r));
    expect(calls).toEqual(['cork', 'uncork']);
    corkUntilCheckPhase(connection);
    expect(calls).toEqual(['cork', 'uncork', 'cork']);
    await new Promise((r) => setImmediate(r));
  });

  it('leaves connections without a usable socket alone', () => {
    expect(() => corkUntilCheckPhase({} as NatsConnection)).not.toThrow();
  });
});
