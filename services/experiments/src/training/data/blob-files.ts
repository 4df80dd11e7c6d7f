import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Inject, Injectable } from '@nestjs/common';
import { BLOB_STORE, type BlobStore } from '@hydroml/storage';
import { ExperimentsEnv } from '../experiments-env.js';

/**
 * A local path for a version's Parquet blob: the blob itself on the fs backend, else a copy in
 * the work directory named by its sha256 (versions are immutable, so a copy is never stale).
 */
@Injectable()
export class BlobFiles {
  constructor(
    @Inject(BLOB_STORE) private readonly blobs: BlobStore,
    private readonly env: ExperimentsEnv,
  ) {}

  async localPath(blobKey: string, sha256: string): Promise<string> {
    const direct = await this.blobs.localPath(blobKey);
    if (direct) return direct;
    const dir = join(this.env.EXPERIMENTS_WORK_DIR, 'versions');
    const target = join(dir, `${sha256}.parquet`);
    if (
      await stat(target).then(
        () => true,
        () => false,
      )
    )
      return target;
    await mkdir(dir, { recursive: true });
    const tmp = `${target}.${process.pid}.${Date.now()}.part`;
    try {
      await pipeline(await this.blobs.get(blobKey), createWriteStream(tmp));
      await rename(tmp, target);
    } finally {
      await rm(tmp, { force: true });
    }
    return target;
  }
}
