import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { requirePrincipal, NatsClient } from '@hydroml/nest-kit';
import type { CallContext } from '@hydroml/contracts';
import { Caller } from '../http/caller.decorator.js';
import { openEventStream } from '../http/event-stream.js';
import { UUID } from '../http/uuid.pipe.js';
import { uploadProgressSubject, type UploadProgressEvent } from './upload-progress.js';

const MAX_MS = 3600_000;

/**
 * Server-Sent Events of an upload in progress: open it with a fresh uuid, then send the multipart
 * request with `?uploadId=<that uuid>`; `progress` events carry the bytes received, the last has
 * `done: true` (then follow the ingestion job at /jobs/:id/events).
 */
@ApiTags('datasets')
@Controller('uploads')
export class UploadEventsController {
  constructor(private readonly nats: NatsClient) {}

  @Get(':uploadId/events')
  events(
    @Param('uploadId', UUID) uploadId: string,
    @Caller() call: CallContext,
    @Res() reply: FastifyReply,
  ): void {
    const userId = requirePrincipal(call).userId;
    const raw = openEventStream(reply);
    raw.write(': waiting for the upload\n\n');
    const subject = this.nats.subject(uploadProgressSubject(userId, uploadId));
    const finish = () => {
      clearTimeout(timer);
      sub.unsubscribe();
      if (!raw.writableEnded) raw.end();
    };
    const timer = setTimeout(finish, MAX_MS);
    const sub = this.nats.connection.subscribe(subject, {
      callback: (_error, msg) => {
        const event = msg.json<UploadProgressEvent>();
        raw.write(`event: progress\ndata: ${JSON.stringify(event)}\n\n`);
        if (event.done) finish();
      },
    });
    raw.on('close', finish);
  }
}
