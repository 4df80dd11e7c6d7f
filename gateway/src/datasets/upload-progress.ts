import type { NatsClient } from '@hydroml/nest-kit';
import type { GatewayRequest } from '../http/request-of.js';

const EVERY_MS = 250;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What GET /uploads/:uploadId/events streams while the file arrives. */
export interface UploadProgressEvent {
  uploadId: string;
  bytes: number;
  /** The request's Content-Length (multipart framing included), when the client sent one. */
  totalBytes: number | null;
  done: boolean;
}

/** Per user, so nobody can follow another user's upload. */
export function uploadProgressSubject(userId: string, uploadId: string): string {
  return `events.uploads.${userId}.${uploadId}`;
}

/**
 * Passes the file's chunks through, publishing bytes received about four times a second when the
 * client named the upload (`?uploadId=<uuid>`); otherwise the chunks pass untouched.
 */
export function withUploadProgress(
  req: GatewayRequest,
  nats: NatsClient,
  file: AsyncIterable<Uint8Array>,
): AsyncIterable<Uint8Array> {
  const uploadId = (req.query as Record<string, unknown> | undefined)?.uploadId;
  const userId = req.user?.userId;
  if (typeof uploadId !== 'string' || !UUID.test(uploadId) || !userId) return file;
  const subject = nats.subject(uploadProgressSubject(userId, uploadId));
  const length = Number(req.headers['content-length']);
  const totalBytes = Number.isFinite(length) && length > 0 ? length : null;
  const publish = (bytes: number, done: boolean) => {
    const event: UploadProgressEvent = { uploadId, bytes, totalBytes, done };
    nats.connection.publish(subject, JSON.stringify(event));
  };
  return (async function* () {
    let bytes = 0;
    let last = 0;
    for await (const chunk of file) {
      bytes += chunk.length;
      if (Date.now() - last >= EVERY_MS) {
        last = Date.now();
        publish(bytes, false);
      }
      yield chunk;
    }
    publish(bytes, true);
  })();
}
