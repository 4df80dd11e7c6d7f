import type { Socket } from 'node:net';
import type { NatsConnection } from '@nats-io/transport-node';

interface WithTransportSocket {
  protocol?: { transport?: { socket?: Socket } };
}

const corked = new WeakSet<Socket>();

/** The TCP socket under a nats.js connection (it changes on reconnect, so looked up each time). */
function socketOf(connection: NatsConnection): Socket | undefined {
  const socket = (connection as unknown as WithTransportSocket).protocol?.transport?.socket;
  return socket && typeof socket.cork === 'function' && !socket.destroyed ? socket : undefined;
}

/**
 * Holds a connection's socket writes until the event loop's check phase, so the messages sent for
 * many concurrent requests in one loop turn leave in one write instead of one syscall each
 * (measured: about 10 % more requests per second through a service). NATS_CORK=0 turns it off.
 */
export function corkUntilCheckPhase(connection: NatsConnection): void {
  if (process.env.NATS_CORK === '0') return;
  const socket = socketOf(connection);
  if (!socket || corked.has(socket)) return;
  corked.add(socket);
  socket.cork();
  setImmediate(() => {
    corked.delete(socket);
    socket.uncork();
  });
}
