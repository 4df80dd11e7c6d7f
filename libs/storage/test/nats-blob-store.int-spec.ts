import { createHash, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { jetstreamManager } from '@nats-io/jetstream';
import { NatsBlobStore } from '../src/index.js';

async function readAll(stream: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of stream) parts.push(chunk as Buffer);
  return Buffer.concat(parts);
}

async function* failingSource(): AsyncGenerator<Uint8Array> {
  await Promise.resolve();
  yield randomBytes(300 * 1024);
  throw new Error('client went away');
}

describe('NatsBlobStore (JetStream object store)', () => {
  let nc: NatsConnection;
  let store: NatsBlobStore;

  beforeAll(async () => {
    nc = await connect({ servers: process.env.NATS_URL ?? 'nats://127.0.0.1:4222' });
    store = new NatsBlobStore(nc, `test_blobs_${randomBytes(4).toString('hex')}`);
  });
  afterAll(async () => {
    await store.destroy();
    await nc.close();
  });

  it('round-trips a multi-chunk blob with its sha256', async () => {
    const body = randomBytes(700 * 1024 + 17);
    const info = await store.put('versions/a.parquet', Readable.from([body]));
    expect(info.sha256).toBe(createHash('sha256').update(body).digest('hex'));
    expect(info.size).toBe(body.length);
    expect(await store.stat('versions/a.parquet')).toEqual(info);
    expect(await store.localPath('versions/a.parquet')).toBeNull();
    expect(await readAll(await store.get('versions/a.parquet'))).toEqual(body);
  });

  it('replaces a key atomically and drops the old chunks', async () => {
    await store.put('k', Readable.from([Buffer.from('first')]));
    await store.put('k', Readable.from([Buffer.from('second')]));
    expect((await readAll(await store.get('k'))).toString()).toBe('second');
    const jsm = await jetstreamManager(nc);
    const info = await jsm.streams.info(store.stream, { subjects_filter: '>' });
    const chunkSubjects = Object.keys(info.state.subjects ?? {}).filter((s) => s.includes('.C.'));
    expect(chunkSubjects).toHaveLength(1 + 1); // 'k' and versions/a.parquet
  });

  it('leaves nothing when the upload breaks or exceeds the limit', async () => {
    await expect(store.put('cut', failingSource())).rejects.toThrow('client went away');
    await expect(
      store.put('big', Readable.from([randomBytes(200 * 1024)]), { maxBytes: 100 * 1024 }),
    ).rejects.toMatchObject({ code: 'payload_too_large' });
    expect(await store.stat('cut')).toBeNull();
    expect(await store.stat('big')).toBeNull();
    const jsm = await jetstreamManager(nc);
    const info = await jsm.streams.info(store.stream, { subjects_filter: '>' });
    expect(Object.keys(info.state.subjects ?? {})).toHaveLength(4);
  });

  it('lists, deletes and reports missing blobs', async () => {
    await store.put('list/one', Readable.from([Buffer.from('1')]));
    await store.put('list/empty', Readable.from([]));
    expect(await store.list('list/')).toEqual(['list/empty', 'list/one']);
    expect((await readAll(await store.get('list/empty'))).length).toBe(0);
    expect(await store.delete('list/one')).toBe(true);
    expect(await store.delete('list/one')).toBe(false);
    await expect(store.get('list/one')).rejects.toMatchObject({ code: 'not_found' });
  });
});
