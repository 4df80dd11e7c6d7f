import { Body, Controller, Inject, Param, ParseIntPipe, Post, Res } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DataToolsContracts, ExportOptionsDto, type CallContext } from '@hydroml/contracts';
import { logger, NatsClient } from '@hydroml/nest-kit';
import { BLOB_STORE, type BlobStore } from '@hydroml/storage';
import { Caller } from '../http/caller.decorator.js';
import { UUID } from '../http/uuid.pipe.js';

/**
 * Small exports stream the file data-tools wrote to the blob store, removed once sent. Large ones
 * (or `mode: job`) answer 202 with a job whose result links to GET /jobs/:id/download.
 */
@ApiTags('datasets')
@Controller('data-sources/:id/versions/:n/export')
export class ExportController {
  constructor(
    private readonly nats: NatsClient,
    @Inject(BLOB_STORE) private readonly blobs: BlobStore,
  ) {}

  @Post()
  @ApiProduces('text/csv', 'application/json', 'application/vnd.apache.parquet')
  async export(
    @Param('id', UUID) dataSourceId: string,
    @Param('n', ParseIntPipe) version: number,
    @Body() body: ExportOptionsDto,
    @Caller() call: CallContext,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const file = await this.nats.request(
      DataToolsContracts.export,
      { ...body, dataSourceId, version },
      { ...call, deadline: Date.now() + 120_000 },
    );
    if ('job' in file) {
      await reply.code(202).send(file);
      return;
    }
    const stream = await this.blobs.get(file.blobKey);
    stream.on('close', () => {
      this.blobs.delete(file.blobKey).catch((error: unknown) => {
        logger().error({ err: error, key: file.blobKey }, 'could not remove an export blob');
      });
    });
    await reply
      .code(200)
      .header('content-type', file.contentType)
      .header('content-length', String(file.bytes))
      .header('content-disposition', `attachment; filename="${file.fileName}"`)
      .header('x-row-count', String(file.rows))
      .send(stream);
  }
}
