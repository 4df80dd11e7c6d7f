import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { ExportJobResult } from '@hydroml/contracts';
import { JobWorker, type JobContext } from '@hydroml/jobs';
import { EXPORT_TYPES } from './export-sql.js';
import { EXPORT, ExportsService, type ExportRequest } from './exports.service.js';

/** How long the download link of an export job works; the sweeper removes the file after. */
export const EXPORT_LINK_TTL_MS = 24 * 3600_000;

export interface ExportPayload {
  dataSourceId: string;
  version: number;
  request: ExportRequest;
}

export function jobExportKey(jobId: string, format: ExportRequest['format']): string {
  return `exports/job-${jobId}.${EXPORT_TYPES[format].ext}`;
}

/** A large export: the file goes to the blob store and the result links to it until it expires. */
@Injectable()
export class ExportJob implements OnModuleInit {
  constructor(
    private readonly worker: JobWorker,
    private readonly exports: ExportsService,
  ) {}

  onModuleInit(): void {
    this.worker.register(EXPORT, (ctx) => this.run(ctx));
  }

  async run(ctx: JobContext): Promise<Record<string, unknown>> {
    const payload = ctx.payload as unknown as ExportPayload;
    await ctx.progress(0.1, 'writing the file');
    const version = await this.exports.version(payload.dataSourceId, payload.version);
    const key = jobExportKey(ctx.job.id, payload.request.format);
    const file = await this.exports.write(version, payload.request, key);
    const result: ExportJobResult = {
      ...file,
      downloadUrl: `/api/v1/jobs/${ctx.job.id}/download`,
      expiresAt: new Date(Date.now() + EXPORT_LINK_TTL_MS).toISOString(),
    };
    return { ...result };
  }
}
