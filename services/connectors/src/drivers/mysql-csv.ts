import { isUtf8 } from 'node:buffer';
import type { FieldPacket } from 'mysql2';

const BINARY_CHARSET = 63;
const TEXTUAL_TYPES = new Set([249, 250, 251, 252, 253, 254]);
const QUOTE = 0x22;
const COMMA = 0x2c;
const NEWLINE = 0x0a;
const RETURN = 0x0d;
const BACKSLASH = 0x5c;
const HEX = Buffer.from('0123456789abcdef');
/** Room past the chunk size so a row usually ends before the buffer does. */
const SLACK = 64 * 1024;

const BIT = 16;

/** Binary strings and blobs (charset 'binary') and BIT values (raw bytes) are written as \x-hex. */
export function isBinary(field: FieldPacket): boolean {
  const type = Number(field.type ?? field.columnType);
  return type === BIT || (TEXTUAL_TYPES.has(type) && field.characterSet === BINARY_CHARSET);
}

/**
 * Writes CSV as bytes, straight from MySQL's raw text values (no JS string per field): NULL as an
 * empty field, '' as "", a value holding a quote, comma or line break quoted with "" for quotes,
 * binary as \x-hex. Full chunks of about `chunkSize` bytes go to `emit`, each a buffer of its own.
 */
export class CsvWriter {
  private out: Buffer;
  private pos = 0;

  constructor(
    private readonly emit: (chunk: Buffer) => void,
    private readonly chunkSize: number,
  ) {
    this.out = Buffer.allocUnsafe(chunkSize + SLACK);
  }

  /** A field's separator: call before every field but a row's first. */
  comma(): void {
    this.ensure(1);
    this.out[this.pos++] = COMMA;
  }

  /** Ends a row; hands over the chunk once it is full enough. */
  endRow(): void {
    this.ensure(1);
    this.out[this.pos++] = NEWLINE;
    if (this.pos >= this.chunkSize) this.flush();
  }

  /** Hands over what is buffered, if anything. */
  flush(): void {
    if (this.pos === 0) return;
    this.emit(this.out.subarray(0, this.pos));
    this.out = Buffer.allocUnsafe(this.chunkSize + SLACK);
    this.pos = 0;
  }

  binary(src: Buffer, start: number, end: number): void {
    this.ensure(2 + 2 * (end - start));
    const out = this.out;
    let pos = this.pos;
    out[pos++] = BACKSLASH;
    out[pos++] = 0x78; // x
    for (let i = start; i < end; i++) {
      out[pos++] = HEX[src[i] >> 4];
      out[pos++] = HEX[src[i] & 15];
    }
    this.pos = pos;
  }

  /** UTF-8 text; invalid UTF-8 is written as Buffer#toString decodes it (U+FFFD). */
  text(src: Buffer, start: number, end: number): void {
    this.ensure(2 + 2 * (end - start));
    const out = this.out;
    let pos = this.pos;
    let special = start === end;
    let ascii = true;
    for (let i = start; i < end; i++) {
      const byte = src[i];
      out[pos++] = byte;
      if (byte === QUOTE || byte === COMMA || byte === NEWLINE || byte === RETURN) special = true;
      else if (byte >= 0x80) ascii = false;
    }
    if (!ascii && !isUtf8(src.subarray(start, end))) {
      const decoded = Buffer.from(src.toString('utf8', start, end));
      this.text(decoded, 0, decoded.length);
      return;
    }
    if (special) this.quoted(src, start, end);
    else this.pos = pos;
  }

  private quoted(src: Buffer, start: number, end: number): void {
    const out = this.out;
    let pos = this.pos;
    out[pos++] = QUOTE;
    for (let i = start; i < end; i++) {
      if (src[i] === QUOTE) out[pos++] = QUOTE;
      out[pos++] = src[i];
    }
    out[pos++] = QUOTE;
    this.pos = pos;
  }

  /** Makes room for `bytes` more, handing over what is buffered when it would not fit. */
  private ensure(bytes: number): void {
    if (this.pos + bytes <= this.out.length) return;
    if (this.pos > 0) this.emit(this.out.subarray(0, this.pos));
    this.out = Buffer.allocUnsafe(Math.max(this.chunkSize + SLACK, bytes));
    this.pos = 0;
  }
}

/** The header row: the result's column names. */
export function writeHeader(writer: CsvWriter, fields: FieldPacket[]): void {
  fields.forEach((field, i) => {
    if (i > 0) writer.comma();
    const name = Buffer.from(field.name);
    writer.text(name, 0, name.length);
  });
  writer.endRow();
}
