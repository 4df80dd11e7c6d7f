import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  assertBlobKey,
  blobNotFound,
  type BlobInfo,
  type BlobSource,
  type BlobStore,
  type PutOptions,
} from './blob-store.js';
import { ByteCounter, toBytes } from './byte-counter.js';

/**
 * Blobs on the local filesystem under `root`: `data/<key>` holds the bytes, `meta/<key>.json` the
 * size and sha256. A put streams into `tmp/`, fsyncs, writes the metadata, then renames the data
 * into place, so a reader sees a whole blob or none and a crash leaves only a temp file behind.
 */
export class FsBlobStore implements BlobStore {
  constructor(readonly root: string) {}

  async put(key: string, source: BlobSource, options: PutOptions = {}): Promise<BlobInfo> {
    assertBlobKey(key);
    const tmpDir = join(this.root, 'tmp');
    await mkdir(tmpDir, { recursive: true });
    const tmp = join(tmpDir, `${randomUUID()}.part`);
    const sink = createWriteStream(tmp);
    try {
      const counter = new ByteCounter(options.maxBytes);
      await pipeline(source, countBytes(counter), sink);
      await fsync(tmp);
      const info: BlobInfo = { key, size: counter.size, sha256: counter.digest() };
      await this.writeMeta(info, tmpDir);
      await mkdir(dirname(this.dataPath(key)), { recursive: true });
      await rename(tmp, this.dataPath(key));
      return info;
    } catch (error) {
      // a source failing at once can beat the file's open: let it close, or rm races its creation
      if (!sink.closed) await new Promise<void>((closed) => sink.once('close', () => closed()));
      await rm(tmp, { force: true });
      throw error;
    }
  }

  async get(key: string): Promise<Readable> {
    assertBlobKey(key);
    if (!(await this.stat(key))) throw blobNotFound(key);
    return createReadStream(this.dataPath(key));
  }

  async stat(key: string): Promise<BlobInfo | null> {
    assertBlobKey(key);
    const exists = await stat(this.dataPath(key)).catch(() => null);
    if (!exists?.isFile()) return null;
    return JSON.parse(await readFile(this.metaPath(key), 'utf8')) as BlobInfo;
  }

  async delete(key: string): Promise<boolean> {
    assertBlobKey(key);
    const existed = (await stat(this.dataPath(key)).catch(() => null)) !== null;
    await rm(this.dataPath(key), { force: true });
    await rm(this.metaPath(key), { force: true });
    return existed;
  }

  async move(from: string, to: string): Promise<BlobInfo> {
    assertBlobKey(to);
    const info = await this.stat(from);
    if (!info) throw blobNotFound(from);
    const moved: BlobInfo = { ...info, key: to };
    await mkdir(join(this.root, 'tmp'), { recursive: true });
    await this.writeMeta(moved, join(this.root, 'tmp'));
    await mkdir(dirname(this.dataPath(to)), { recursive: true });
    await rename(this.dataPath(from), this.dataPath(to));
    await rm(this.metaPath(from), { force: true });
    return moved;
  }

  async list(prefix: string): Promise<string[]> {
    const base = join(this.root, 'data');
    const entries = await readdir(base, { recursive: true, withFileTypes: true }).catch(() => []);
    return entries
      .filter((entry) => entry.isFile())
      .map((entry) => relative(base, join(entry.parentPath, entry.name)).split(sep).join('/'))
      .filter((key) => key.startsWith(prefix))
      .sort();
  }

  async localPath(key: string): Promise<string | null> {
    return (await this.stat(key)) ? this.dataPath(key) : null;
  }

  /** Removes temp files older than `olderThanMs` (left by a process that died mid-put). */
  async sweepTemp(olderThanMs: number): Promise<number> {
    const tmpDir = join(this.root, 'tmp');
    const names = await readdir(tmpDir).catch(() => [] as string[]);
    let removed = 0;
    for (const name of names) {
      const info = await stat(join(tmpDir, name)).catch(() => null);
      if (info && Date.now() - info.mtimeMs >= olderThanMs) {
        await rm(join(tmpDir, name), { force: true });
        removed += 1;
      }
    }
    return removed;
  }

  private async writeMeta(info: BlobInfo, tmpDir: string): Promise<void> {
    const tmp = join(tmpDir, `${randomUUID()}.meta`);
    await writeFile(tmp, JSON.stringify(info));
    await mkdir(dirname(this.metaPath(info.key)), { recursive: true });
    await rename(tmp, this.metaPath(info.key));
  }

  private dataPath(key: string): string {
    return join(this.root, 'data', ...key.split('/'));
  }

  private metaPath(key: string): string {
    return join(this.root, 'meta', ...key.split('/')) + '.json';
  }
}

function countBytes(counter: ByteCounter) {
  return async function* (source: AsyncIterable<unknown>): AsyncGenerator<Uint8Array> {
    for await (const chunk of source) {
      const bytes = toBytes(chunk);
      counter.add(bytes);
      yield bytes;
    }
  };
}

async function fsync(path: string): Promise<void> {
  const handle = await open(path, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
