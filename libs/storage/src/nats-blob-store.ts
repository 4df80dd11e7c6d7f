import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import {
  jetstream,
  jetstreamManager,
  type JetStreamClient,
  type JetStreamManager,
} from '@nats-io/jetstream';
import { headers, type NatsConnection } from '@nats-io/transport-node';
import {
  assertBlobKey,
  blobNotFound,
  type BlobInfo,
  type BlobSource,
  type BlobStore,
  type PutOptions,
} from './blob-store.js';
import { ByteCounter, toBytes } from './byte-counter.js';

const CHUNK_BYTES = 128 * 1024;

/** The metadata message of one object, in the layout of the NATS object store. */
interface ObjectMeta {
  name: string;
  bucket: string;
  nuid: string;
  size: number;
  chunks: number;
  digest: string;
  sha256: string;
  mtime: string;
}

/**
 * Blobs in a NATS JetStream object store bucket (stream `OBJ_<bucket>`, chunks on
 * `$O.<bucket>.C.<nuid>`, metadata on `$O.<bucket>.M.<key>`), for deployments over several
 * machines. The metadata is published last with a rollup, so a blob becomes visible in one step;
 * a failed put purges its chunks.
 */
export class NatsBlobStore implements BlobStore {
  private readonly js: JetStreamClient;
  private ready: Promise<JetStreamManager> | undefined;
  readonly stream: string;

  constructor(
    private readonly nc: NatsConnection,
    readonly bucket: string,
  ) {
    if (!/^[A-Za-z0-9_-]+$/.test(bucket)) throw new Error(`invalid bucket name ${bucket}`);
    this.js = jetstream(nc);
    this.stream = `OBJ_${bucket}`;
  }

  async put(key: string, source: BlobSource, options: PutOptions = {}): Promise<BlobInfo> {
    assertBlobKey(key);
    const jsm = await this.manager();
    const nuid = randomUUID().replace(/-/g, '');
    const counter = new ByteCounter(options.maxBytes);
    let chunks = 0;
    try {
      for await (const piece of rechunk(source, CHUNK_BYTES)) {
        counter.add(piece);
        await this.js.publish(this.chunkSubject(nuid), piece);
        chunks += 1;
      }
    } catch (error) {
      await jsm.streams.purge(this.stream, { filter: this.chunkSubject(nuid) });
      throw error;
    }
    const previous = await this.readMeta(key);
    const sha256 = counter.digest();
    const meta: ObjectMeta = {
      ...{ name: key, bucket: this.bucket, nuid, size: counter.size, chunks, sha256 },
      digest: `SHA-256=${Buffer.from(sha256, 'hex').toString('base64url')}`,
      mtime: new Date().toISOString(),
    };
    const rollup = headers();
    rollup.set('Nats-Rollup', 'sub');
    await this.js.publish(this.metaSubject(key), JSON.stringify(meta), { headers: rollup });
    if (previous && previous.nuid !== nuid) {
      await jsm.streams.purge(this.stream, { filter: this.chunkSubject(previous.nuid) });
    }
    return { key, size: meta.size, sha256 };
  }

  async get(key: string): Promise<Readable> {
    assertBlobKey(key);
    const meta = await this.readMeta(key);
    if (!meta) throw blobNotFound(key);
    return Readable.from(this.readChunks(meta));
  }

  async stat(key: string): Promise<BlobInfo | null> {
    assertBlobKey(key);
    const meta = await this.readMeta(key);
    return meta ? { key, size: meta.size, sha256: meta.sha256 } : null;
  }

  async delete(key: string): Promise<boolean> {
    assertBlobKey(key);
    const jsm = await this.manager();
    const meta = await this.readMeta(key);
    if (!meta) return false;
    await jsm.streams.purge(this.stream, { filter: this.metaSubject(key) });
    await jsm.streams.purge(this.stream, { filter: this.chunkSubject(meta.nuid) });
    return true;
  }

  async move(from: string, to: string): Promise<BlobInfo> {
    const info = await this.put(to, await this.get(from));
    await this.delete(from);
    return info;
  }

  async list(prefix: string): Promise<string[]> {
    const jsm = await this.manager();
    const metaPrefix = `$O.${this.bucket}.M.`;
    const info = await jsm.streams.info(this.stream, { subjects_filter: `${metaPrefix}>` });
    return Object.keys(info.state.subjects ?? {})
      .map((subject) => Buffer.from(subject.slice(metaPrefix.length), 'base64url').toString())
      .filter((key) => key.startsWith(prefix))
      .sort();
  }

  /** Object-store blobs are never local files. */
  localPath(_key: string): Promise<string | null> {
    return Promise.resolve(null);
  }

  /** Deletes the bucket's stream and everything in it (tests, decommissioning). */
  async destroy(): Promise<void> {
    const jsm = await this.manager();
    await jsm.streams.delete(this.stream);
    this.ready = undefined;
  }

  private manager(): Promise<JetStreamManager> {
    this.ready ??= this.ensureStream().catch((error: unknown) => {
      this.ready = undefined;
      throw error;
    });
    return this.ready;
  }

  private async ensureStream(): Promise<JetStreamManager> {
    const jsm = await jetstreamManager(this.nc);
    const exists = await jsm.streams.info(this.stream).catch(() => null);
    if (!exists) {
      await jsm.streams.add({
        name: this.stream,
        subjects: [`$O.${this.bucket}.C.>`, `$O.${this.bucket}.M.>`],
        allow_rollup_hdrs: true,
        allow_direct: true,
      });
    }
    return jsm;
  }

  private async readMeta(key: string): Promise<ObjectMeta | null> {
    const jsm = await this.manager();
    const message = await jsm.streams.getMessage(this.stream, {
      last_by_subj: this.metaSubject(key),
    });
    return message ? message.json<ObjectMeta>() : null;
  }

  private async *readChunks(meta: ObjectMeta): AsyncGenerator<Uint8Array> {
    if (meta.chunks === 0) return;
    const consumer = await this.js.consumers.get(this.stream, {
      filter_subjects: this.chunkSubject(meta.nuid),
    });
    const messages = await consumer.consume();
    const counter = new ByteCounter();
    let received = 0;
    try {
      for await (const message of messages) {
        counter.add(message.data);
        yield message.data;
        received += 1;
        if (received === meta.chunks) break;
      }
    } finally {
      await messages.close();
    }
    if (counter.digest() !== meta.sha256) throw new Error(`blob ${meta.name} failed its checksum`);
  }

  private chunkSubject(nuid: string): string {
    return `$O.${this.bucket}.C.${nuid}`;
  }

  private metaSubject(key: string): string {
    return `$O.${this.bucket}.M.${Buffer.from(key).toString('base64url')}`;
  }
}

/** Re-slices any byte stream into chunks of exactly `size` bytes (the last may be shorter). */
export async function* rechunk(source: BlobSource, size: number): AsyncGenerator<Uint8Array> {
  let buffer = Buffer.alloc(0);
  for await (const chunk of source as AsyncIterable<unknown>) {
    buffer = Buffer.concat([buffer, toBytes(chunk)]);
    while (buffer.length >= size) {
      yield buffer.subarray(0, size);
      buffer = buffer.subarray(size);
    }
  }
  if (buffer.length > 0) yield buffer;
}
