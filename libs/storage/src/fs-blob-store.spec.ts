import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm, utimes, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { FsBlobStore } from './fs-blob-store.js';
import { assertBlobKey } from './blob-store.js';

async function readAll(stream: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of stream) parts.push(chunk as Buffer);
  return Buffer.concat(parts);
}

async function* failingSource(): AsyncGenerator<Uint8Array> {
  await Promise.resolve();
  yield Buffer.from('partial bytes');
  throw new Error('connection reset');
}

describe('FsBlobStore', () => {
  let root: string;
  let store: FsBlobStore;

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'blobs-'));
    store = new FsBlobStore(root);
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it('stores a streamed blob and records its size and sha256', async () => {
    const body = Buffer.from('a,b\n1,2\n'.repeat(1000));
    const info = await store.put(
      'sources/x/v1.csv',
      Readable.from([body.subarray(0, 10), body.subarray(10)]),
    );
    expect(info).toEqual({
      key: 'sources/x/v1.csv',
      size: body.length,
      sha256: createHash('sha256').update(body).digest('hex'),
    });
    expect(await store.stat('sources/x/v1.csv')).toEqual(info);
    expect(await readAll(await store.get('sources/x/v1.csv'))).toEqual(body);
    expect(await store.list('sources/')).toEqual(['sources/x/v1.csv']);
    expect(await store.localPath('sources/x/v1.csv')).toBe(
      join(root, 'data', 'sources', 'x', 'v1.csv'),
    );
    expect(await store.localPath('sources/none')).toBeNull();
  });

  it('refuses a blob over the limit and leaves nothing behind', async () => {
    const source = Readable.from([Buffer.alloc(600), Buffer.alloc(600)]);
    await expect(store.put('big.bin', source, { maxBytes: 1000 })).rejects.toMatchObject({
      code: 'payload_too_large',
    });
    expect(await store.stat('big.bin')).toBeNull();
    expect(await readdir(join(root, 'tmp'))).toEqual([]);
  });

  it('removes the partial file when the source breaks mid-stream', async () => {
    await expect(store.put('cut.csv', failingSource())).rejects.toThrow('connection reset');
    expect(await store.stat('cut.csv')).toBeNull();
    expect(await readdir(join(root, 'tmp'))).toEqual([]);
  });

  it('deletes a blob and reports whether it existed', async () => {
    await store.put('a/b', Readable.from([Buffer.from('x')]));
    expect(await store.delete('a/b')).toBe(true);
    expect(await store.delete('a/b')).toBe(false);
    await expect(store.get('a/b')).rejects.toMatchObject({ code: 'not_found' });
  });

  it('sweeps stale temp files left by a crashed writer', async () => {
    await mkdir(join(root, 'tmp'), { recursive: true });
    const stale = join(root, 'tmp', 'dead.part');
    await writeFile(stale, 'half');
    await utimes(stale, new Date(0), new Date(0));
    await writeFile(join(root, 'tmp', 'live.part'), 'writing');
    expect(await store.sweepTemp(60_000)).toBe(1);
    expect(await readdir(join(root, 'tmp'))).toEqual(['live.part']);
  });

  it('rejects keys that could escape the root', () => {
    for (const key of ['../etc/passwd', '/abs', 'a/../b', 'a b', '']) {
      expect(() => assertBlobKey(key)).toThrow('invalid blob key');
    }
    expect(() => assertBlobKey('datasets/1/v-2.parquet')).not.toThrow();
  });

  it('moves a blob to a new key, keeping its sha256', async () => {
    const put = await store.put('uploads/a', Readable.from([Buffer.from('hello')]));
    const moved = await store.move('uploads/a', 'sources/x/a');
    expect(moved).toEqual({ ...put, key: 'sources/x/a' });
    expect(await store.stat('uploads/a')).toBeNull();
    expect((await readAll(await store.get('sources/x/a'))).toString()).toBe('hello');
    await expect(store.move('uploads/a', 'b')).rejects.toThrow('not found');
  });
});
