import type { FieldPacket, Query } from 'mysql2';
import { CsvWriter, isBinary, writeHeader } from './mysql-csv.js';

const NULL_VALUE = 0xfb;

/** The part of mysql2's packet a text-protocol row is read from. */
interface RowPacket {
  buffer: Buffer;
  offset: number;
  end: number;
  isEOF(): boolean;
}

type State = (this: unknown, packet: RowPacket, connection: unknown) => unknown;

/** A query command's row state: mysql2 calls it once per row packet of the result. */
interface QueryStates {
  row: State;
}

/** Writes the rows of one result set to a CsvWriter, from raw packets or from parsed values. */
export class CsvRows {
  private binary: boolean[] = [];
  count = 0;

  constructor(private readonly writer: CsvWriter) {}

  start(fields: FieldPacket[]): void {
    this.binary = fields.map(isBinary);
    writeHeader(this.writer, fields);
  }

  /** A text-protocol row packet: each value length-coded, 0xfb for NULL. */
  packet({ buffer, offset, end }: RowPacket): void {
    const { writer, binary } = this;
    for (let i = 0; i < binary.length; i++) {
      if (i > 0) writer.comma();
      let length = buffer[offset++];
      if (length === NULL_VALUE) continue;
      if (length > NULL_VALUE) {
        const bytes = length === 0xfc ? 2 : length === 0xfd ? 3 : 8;
        length = buffer.readUIntLE(offset, Math.min(bytes, 6));
        offset += bytes;
      }
      if (offset + length > end) throw new Error('MySQL row packet ends inside a value');
      if (binary[i]) writer.binary(buffer, offset, offset + length);
      else writer.text(buffer, offset, offset + length);
      offset += length;
    }
    this.endRow();
  }

  /** A row mysql2 parsed itself (typeCast off: each value a Buffer or null). */
  values(row: Array<Buffer | null>): void {
    row.forEach((value, i) => {
      if (i > 0) this.writer.comma();
      if (value === null) return;
      if (this.binary[i]) this.writer.binary(value, 0, value.length);
      else this.writer.text(value, 0, value.length);
    });
    this.endRow();
  }

  /** Hands over the rest once the result has ended. */
  flush(): void {
    this.writer.flush();
  }

  private endRow(): void {
    this.writer.endRow();
    this.count += 1;
  }
}

/**
 * Hands each row packet of the query's result to `onRow` instead of mysql2's row parser, so no
 * array and no Buffer per value is made. Relies on mysql2's Query state machine (the state after
 * the column definitions is `this.row`); were that to change, rows arrive as 'result' events as
 * usual, so the caller handles both.
 */
export function takeRowPackets(query: Query, onRow: (packet: RowPacket) => void): void {
  const states = query as unknown as QueryStates;
  const parsed = states.row;
  const row: State = function (this: unknown, packet, connection) {
    if (packet.isEOF()) return parsed.call(this, packet, connection);
    onRow(packet);
    return row;
  };
  states.row = row;
}
