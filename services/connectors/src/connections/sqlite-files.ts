import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '@hydroml/contracts';
import { BLOB_STORE, type BlobStore } from '@hydroml/storage';
import type { ConnectionEntity } from './persistence/connection.entity.js';

/** The uploaded SQLite file of a connection as a local path (the blob itself on the fs store). */
@Injectable()
export class SqliteFiles {
  private readonly dir = join(tmpdir(), 'hydroml-connectors-sqlite');

  constructor(@Inject(BLOB_STORE) private readonly blobs: BlobStore) {}

  async path(row: Pick<ConnectionEntity, 'options'>): Promise<string> {
    const key = row.options.blobKey;
    if (!key) throw new DomainError('failed_precondition', 'this SQLite connection has no file');
    const local = await this.blobs.localPath(key);
    if (local) return local;
    const info = await this.blobs.stat(key);
    if (!info) throw new DomainError('failed_precondition', 'the SQLite file is gone');
    const target = join(this.dir, `${info.sha256}.sqlite`);
    if (await stat(target).catch(() => null)) return target;
    await mkdir(this.dir, { recursive: true });
    const part = `${target}.${process.pid}.part`;
    try {
      await pipeline(await this.blobs.get(key), createWriteStream(part));
      await rename(part, target);
    } finally {
      await rm(part, { force: true });
    }
    return target;
  }

  async remove(row: Pick<ConnectionEntity, 'type' | 'options'>): Promise<void> {
    if (row.type === 'sqlite' && row.options.blobKey) await this.blobs.delete(row.options.blobKey);
  }
}
