import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  ConnectorsContracts,
  DomainError,
  type CallContext,
  type ConnectionView,
} from '@hydroml/contracts';
import { NatsClient } from '@hydroml/nest-kit';
import { BLOB_STORE, type BlobStore } from '@hydroml/storage';
import { GatewayEnv } from '../gateway-env.js';
import type { GatewayRequest } from '../http/request-of.js';

/**
 * A SQLite connection from a multipart upload (a `file` part and a `name` field): the file streams
 * into the blob store and stays there as the connection's database; refused or cut-off uploads
 * leave nothing behind.
 */
@Injectable()
export class SqliteUploadService {
  constructor(
    @Inject(BLOB_STORE) private readonly blobs: BlobStore,
    private readonly nats: NatsClient,
    private readonly env: GatewayEnv,
  ) {}

  async create(req: GatewayRequest, call: CallContext): Promise<ConnectionView> {
    const fields: Record<string, string> = {};
    let stored: { blobKey: string; fileName: string } | undefined;
    try {
      for await (const part of req.parts()) {
        if (part.type === 'field') fields[part.fieldname] = String(part.value);
        else if (stored) throw new DomainError('invalid_argument', 'send one file per request');
        else {
          const blobKey = `connections/${randomUUID()}.sqlite`;
          stored = { blobKey, fileName: part.filename || 'database.sqlite' };
          await this.blobs.put(blobKey, part.file, { maxBytes: this.env.UPLOAD_LIMIT_BYTES });
          if (part.file.truncated) throw tooLarge(this.env.UPLOAD_LIMIT_BYTES);
        }
      }
      if (!stored) throw new DomainError('invalid_argument', 'the request has no file part');
      const name = fields.name || stored.fileName;
      return await this.nats.request(
        ConnectorsContracts.createSqlite,
        { ...stored, name },
        { ...call, deadline: Date.now() + 30_000 },
      );
    } catch (error) {
      if (stored) await this.blobs.delete(stored.blobKey);
      const code = (error as { code?: unknown } | null)?.code;
      throw code === 'FST_REQ_FILE_TOO_LARGE' ? tooLarge(this.env.UPLOAD_LIMIT_BYTES) : error;
    }
  }
}

function tooLarge(limit: number): DomainError {
  return new DomainError('payload_too_large', `the upload exceeds the limit of ${limit} bytes`, {
    limitBytes: limit,
  });
}
