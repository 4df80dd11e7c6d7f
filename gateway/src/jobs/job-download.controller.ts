import { Controller, Get, Inject, Param, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DomainError, type CallContext, type ExportJobResult } from '@hydroml/contracts';
import { BLOB_STORE, type BlobStore } from '@hydroml/storage';
import { Caller } from '../http/caller.decorator.js';
import { UUID } from '../http/uuid.pipe.js';
import { JobsClient } from './jobs.client.js';

/** The file a finished export job wrote, for whoever may read the job, until the link expires. */
@ApiTags('jobs')
@Controller('jobs')
export class JobDownloadController {
  constructor(
    private readonly jobs: JobsClient,
    @Inject(BLOB_STORE) private readonly blobs: BlobStore,
  ) {}

  @Get(':id/download')
  async download(
    @Param('id', UUID) id: string,
    @Caller() call: CallContext,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const job = await this.jobs.get(id, call);
    const file = job.result as unknown as ExportJobResult | null;
    if (job.status !== 'succeeded' || !file?.blobKey || !file.expiresAt) {
      throw new DomainError(
        'failed_precondition',
        `job ${id} has no file to download (${job.status})`,
      );
    }
    if (Date.parse(file.expiresAt) < Date.now()) {
      throw new DomainError(
        'not_found',
        `the download link of job ${id} expired at ${file.expiresAt}`,
      );
    }
    const stream = await this.blobs.get(file.blobKey);
    await reply
      .code(200)
      .header('content-type', file.contentType)
      .header('content-length', String(file.bytes))
      .header('content-disposition', `attachment; filename="${file.fileName}"`)
      .header('x-row-count', String(file.rows))
      .send(stream);
  }
}
