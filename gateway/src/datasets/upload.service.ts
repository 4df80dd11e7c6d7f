import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { MultipartFile } from '@fastify/multipart';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import {
  DataToolsContracts,
  DomainError,
  IngestOptionsDto,
  type CallContext,
  type JobView,
  type UploadAccepted,
} from '@hydroml/contracts';
import { NatsClient, validationErrorFactory } from '@hydroml/nest-kit';
import { BLOB_STORE, type BlobStore } from '@hydroml/storage';
import { GatewayEnv } from '../gateway-env.js';
import type { GatewayRequest } from '../http/request-of.js';
import { withUploadProgress } from './upload-progress.js';

interface ReceivedUpload {
  uploadKey: string;
  fileName: string;
  fields: Record<string, string>;
}

/**
 * Streams the one file part of a multipart request into the blob store (never held in memory),
 * then hands it to data-tools. Past the limit, a cut-off stream or a refused request, the upload
 * blob is removed: nothing stays behind.
 */
@Injectable()
export class UploadService {
  constructor(
    @Inject(BLOB_STORE) private readonly blobs: BlobStore,
    private readonly nats: NatsClient,
    private readonly env: GatewayEnv,
  ) {}

  async newDataSource(
    req: GatewayRequest,
    projectId: string,
    call: CallContext,
  ): Promise<UploadAccepted> {
    const upload = await this.receive(req);
    return this.handOver(upload, async (options) =>
      this.nats.request(
        DataToolsContracts.upload,
        {
          ...{ projectId, uploadKey: upload.uploadKey, fileName: upload.fileName, options },
          name: upload.fields.name || upload.fileName,
          ...(upload.fields.description ? { description: upload.fields.description } : {}),
        },
        { ...call, deadline: Date.now() + 30_000 },
      ),
    );
  }

  async newVersion(req: GatewayRequest, dataSourceId: string, call: CallContext): Promise<JobView> {
    const upload = await this.receive(req);
    return this.handOver(upload, (options) =>
      this.nats.request(
        DataToolsContracts.addVersion,
        { dataSourceId, uploadKey: upload.uploadKey, fileName: upload.fileName, options },
        { ...call, deadline: Date.now() + 30_000 },
      ),
    );
  }

  private async handOver<T>(
    upload: ReceivedUpload,
    send: (options: IngestOptionsDto) => Promise<T>,
  ): Promise<T> {
    try {
      return await send(await ingestOptions(upload.fields));
    } catch (error) {
      await this.blobs.delete(upload.uploadKey);
      throw error;
    }
  }

  private async receive(req: GatewayRequest): Promise<ReceivedUpload> {
    if (!req.isMultipart()) {
      throw new DomainError('invalid_argument', 'send the file as multipart/form-data');
    }
    const fields: Record<string, string> = {};
    let stored: { uploadKey: string; fileName: string } | undefined;
    try {
      for await (const part of req.parts()) {
        if (part.type === 'field') fields[part.fieldname] = String(part.value);
        else if (stored) throw new DomainError('invalid_argument', 'send one file per request');
        else stored = await this.store(part, req);
      }
    } catch (error) {
      if (stored) await this.blobs.delete(stored.uploadKey);
      throw uploadError(error, this.env.UPLOAD_LIMIT_BYTES);
    }
    if (!stored) throw new DomainError('invalid_argument', 'the request has no file part');
    return { ...stored, fields };
  }

  private async store(
    part: MultipartFile,
    req: GatewayRequest,
  ): Promise<{ uploadKey: string; fileName: string }> {
    const uploadKey = `uploads/${randomUUID()}`;
    const source = withUploadProgress(req, this.nats, part.file);
    await this.blobs.put(uploadKey, source, { maxBytes: this.env.UPLOAD_LIMIT_BYTES });
    if (part.file.truncated) {
      await this.blobs.delete(uploadKey);
      throw tooLarge(this.env.UPLOAD_LIMIT_BYTES);
    }
    return { uploadKey, fileName: part.filename || 'upload' };
  }
}

function tooLarge(limit: number): DomainError {
  return new DomainError('payload_too_large', `the upload exceeds the limit of ${limit} bytes`, {
    limitBytes: limit,
  });
}

function uploadError(error: unknown, limit: number): unknown {
  if (error instanceof DomainError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'FST_REQ_FILE_TOO_LARGE') return tooLarge(limit);
  if (typeof code === 'string' && code.startsWith('FST_')) {
    return new DomainError('invalid_argument', (error as Error).message);
  }
  return error;
}

/** Form fields format, encoding, delimiter, sheet and types (JSON) become validated ingest options. */
async function ingestOptions(fields: Record<string, string>): Promise<IngestOptionsDto> {
  let types: unknown;
  try {
    types = fields.types ? JSON.parse(fields.types) : undefined;
  } catch {
    throw new DomainError('invalid_argument', 'types must be a JSON object of column -> type');
  }
  const plain = {
    format: fields.format,
    encoding: fields.encoding,
    delimiter: fields.delimiter,
    sheet: fields.sheet,
    types,
  };
  const defined = Object.fromEntries(Object.entries(plain).filter(([, v]) => v !== undefined));
  const options = plainToInstance(IngestOptionsDto, defined);
  const errors = await validate(options, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length > 0) throw validationErrorFactory(errors);
  return options;
}
