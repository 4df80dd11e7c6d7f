import { createWriteStream } from 'node:fs';
import { mkdir, readdir, rename, rm, stat, utimes } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Inject, Injectable } from '@nestjs/common';
import { BLOB_STORE, type BlobStore } from '@hydroml/storage';
import { DataToolsEnv } from '../data-tools-env.js';

/**
 * Local copies of the version blobs this replica queries. Versions are immutable, so a copy is
 * never stale; the least recently used are evicted beyond VERSION_CACHE_MAX_BYTES.
 */
@Injectable()
export class VersionCache {
  private readonly dir: string;

  constructor(
    @Inject(BLOB_STORE) private readonly blobs: BlobStore,
    private readonly env: DataToolsEnv,
  ) {
    this.dir = join(env.DATA_TOOLS_WORK_DIR, 'cache');
  }

  /** A local path holding the blob (named by its sha256). */
  async path(blobKey: string, sha256: string): Promise<string> {
    const target = join(this.dir, `${sha256}.parquet`);
    const now = new Date();
    if (
      await utimes(target, now, now)
        .then(() => true)
        .catch(() => false)
    )
      return target;
    await mkdir(this.dir, { recursive: true });
    const tmp = `${target}.${process.pid}.${Date.now()}.part`;
    try {
      await pipeline(await this.blobs.get(blobKey), createWriteStream(tmp));
      await rename(tmp, target);
    } finally {
      await rm(tmp, { force: true });
    }
    await this.evict(target);
    return target;
  }

  private async evict(keep: string): Promise<void> {
    const names = (await readdir(this.dir)).filter((n) => n.endsWith('.parquet'));
    const files = await Promise.all(
      names.map(async (name) => ({
        path: join(this.dir, name),
        ...(await stat(join(this.dir, name))),
      })),
    );
    files.sort((a, b) => b.atimeMs - a.atimeMs);
    let total = 0;
    for (const file of files) {
      total += file.size;
      if (total > this.env.VERSION_CACHE_MAX_BYTES && file.path !== keep) {
        await rm(file.path, { force: true });
      }
    }
  }
}
