import type { FieldPacket, Connection as RawConnection, Query } from 'mysql2';
import type { CsvCopy } from './driver.js';
import { CsvWriter } from './mysql-csv.js';
import { CsvRows, takeRowPackets } from './mysql-rows.js';

const CHUNK = 256 * 1024;
const MAX_QUEUED = 8;

type Fields = Array<{ name: string; type: string }>;
type Item = Buffer | Error | null;

/** Chunks waiting for the consumer; the connection pauses while too many wait. */
class ChunkQueue {
  private readonly items: Item[] = [];
  private wake: (() => void) | undefined;

  constructor(private readonly raw: RawConnection) {}

  push(item: Item): void {
    this.items.push(item);
    if (this.items.length >= MAX_QUEUED) this.raw.pause();
    this.wake?.();
  }

  async take(): Promise<Item> {
    while (this.items.length === 0) await new Promise<void>((resolve) => (this.wake = resolve));
    const item = this.items.shift()!;
    if (this.items.length < MAX_QUEUED / 2) this.raw.resume();
    return item;
  }
}

/** Encodes the query's rows as CSV bytes into the queue, about CHUNK bytes at a time. */
function encodeInto(
  query: Query,
  queue: ChunkQueue,
  state: { columns: Fields; rows: CsvRows },
  fieldInfo: (field: FieldPacket) => Fields[number],
): void {
  const rows = state.rows;
  let failed = false;
  const guarded = (write: () => void) => {
    if (failed) return;
    try {
      write();
    } catch (error) {
      failed = true;
      queue.push(error instanceof Error ? error : new Error(String(error)));
    }
  };
  query.on('fields', (fields: FieldPacket[]) => {
    state.columns = fields.map(fieldInfo);
    guarded(() => rows.start(fields));
  });
  takeRowPackets(query, (packet) => guarded(() => rows.packet(packet)));
  query.on('result', (row) => guarded(() => rows.values(row as unknown as Array<Buffer | null>)));
  query.on('error', (error: Error) => queue.push(error));
  query.on('end', () => {
    if (failed) return;
    guarded(() => rows.flush());
    queue.push(null);
  });
}

/**
 * Rows from the server encoded as CSV straight from their packets (no object stream, no promise,
 * array or string per row), in chunks of about 256 KiB; the connection pauses while chunks wait
 * to be consumed.
 */
export function rawCsvCopy(
  raw: RawConnection,
  sql: string,
  setup: () => Promise<void>,
  fieldInfo: (field: FieldPacket) => Fields[number],
): CsvCopy {
  const queue = new ChunkQueue(raw);
  const rows = new CsvRows(new CsvWriter((chunk) => queue.push(chunk), CHUNK));
  const state = { columns: [] as Fields, rows };
  async function* chunks(): AsyncGenerator<Uint8Array> {
    try {
      await setup();
      encodeInto(raw.query({ sql, rowsAsArray: true, typeCast: false }), queue, state, fieldInfo);
      for (let item = await queue.take(); item !== null; item = await queue.take()) {
        if (item instanceof Error) throw item;
        yield item;
      }
    } finally {
      raw.destroy();
    }
  }
  const generator = chunks();
  // Through the queue: a generator waiting for the server's first row would not see return().
  const destroy = (error?: Error) => {
    queue.push(error ?? null);
    raw.destroy();
  };
  const stream = Object.assign(generator, { destroy });
  return { columns: () => state.columns, stream, rowCount: () => rows.count };
}
