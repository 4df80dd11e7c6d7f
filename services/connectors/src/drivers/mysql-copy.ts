import type { FieldPacket, Connection as RawConnection, Query } from 'mysql2';
import type { CsvCopy } from './driver.js';
import { csvEncoder } from './mysql-csv.js';

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

/** Encodes the query's rows as CSV text into the queue, about CHUNK bytes at a time. */
function encodeInto(
  query: Query,
  queue: ChunkQueue,
  state: { columns: Fields; rows: number },
  fieldInfo: (field: FieldPacket) => Fields[number],
): void {
  let encoder: ReturnType<typeof csvEncoder> | undefined;
  let buffer = '';
  query.on('fields', (fields: FieldPacket[]) => {
    encoder = csvEncoder(fields);
    state.columns = fields.map(fieldInfo);
    buffer = `${encoder.header}\n`;
  });
  query.on('result', (row) => {
    buffer += `${encoder!.line(row as unknown as unknown[])}\n`;
    state.rows += 1;
    if (buffer.length > CHUNK) {
      queue.push(Buffer.from(buffer));
      buffer = '';
    }
  });
  query.on('error', (error: Error) => queue.push(error));
  query.on('end', () => {
    if (buffer) queue.push(Buffer.from(buffer));
    queue.push(null);
  });
}

/**
 * Rows from the server as events (no object stream, no promise per row), encoded as CSV text in
 * chunks of about 256 KiB; the connection pauses while chunks wait to be consumed.
 */
export function rawCsvCopy(
  raw: RawConnection,
  sql: string,
  setup: () => Promise<void>,
  fieldInfo: (field: FieldPacket) => Fields[number],
): CsvCopy {
  const state = { columns: [] as Fields, rows: 0 };
  const queue = new ChunkQueue(raw);
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
  const stream = Object.assign(generator, { destroy: () => void generator.return(undefined) });
  return { columns: () => state.columns, stream, rowCount: () => state.rows };
}
