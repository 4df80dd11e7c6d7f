import type { FastifyReply } from 'fastify';

/**
 * Takes the response over from Fastify as a Server-Sent Events stream, keeping the headers hooks
 * already set (CORS, request id).
 */
export function openEventStream(reply: FastifyReply): FastifyReply['raw'] {
  reply.hijack();
  const raw = reply.raw;
  for (const [name, value] of Object.entries(reply.getHeaders())) {
    if (value !== undefined) raw.setHeader(name, value);
  }
  raw.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  return raw;
}

const KEEPALIVE_MS = 15_000;

/**
 * Sends every value of `events` as an SSE event named `type` (with a keep-alive comment every
 * 15 s), ending the response after the last; a client that leaves ends `events`.
 */
export async function sendEvents<T extends { type: string }>(
  reply: FastifyReply,
  events: AsyncIterableIterator<T>,
): Promise<void> {
  const raw = openEventStream(reply);
  const keepalive = setInterval(() => raw.write(': keepalive\n\n'), KEEPALIVE_MS);
  raw.on('close', () => void events.return?.());
  try {
    for await (const event of events) {
      if (raw.writableEnded) break;
      raw.write(`event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
    }
  } finally {
    clearInterval(keepalive);
    raw.end();
  }
}
