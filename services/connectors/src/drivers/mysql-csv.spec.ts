import type { FieldPacket } from 'mysql2';
import { CsvWriter } from './mysql-csv.js';
import { CsvRows } from './mysql-rows.js';

const field = (name: string, type: number, characterSet = 33) =>
  ({ name, type, characterSet }) as unknown as FieldPacket;

/** A writer whose chunks are kept, and the CSV they add up to. */
function collecting(chunkSize = 1024) {
  const chunks: Buffer[] = [];
  const copies: Buffer[] = [];
  const writer = new CsvWriter((chunk) => {
    chunks.push(chunk);
    copies.push(Buffer.from(chunk));
  }, chunkSize);
  const text = () => {
    writer.flush();
    return Buffer.concat(chunks).toString('utf8');
  };
  return { writer, chunks, copies, text };
}

/** A text-protocol row: each value length-coded (1, 3 or 4 bytes), null as 0xfb. */
function rowPacket(values: Array<Buffer | null>, before = 0) {
  const parts: Buffer[] = [Buffer.alloc(before)];
  for (const value of values) {
    if (value === null) parts.push(Buffer.from([0xfb]));
    else if (value.length < 251) parts.push(Buffer.from([value.length]), value);
    else if (value.length < 65536) {
      const length = Buffer.from([0xfc, 0, 0]);
      length.writeUInt16LE(value.length, 1);
      parts.push(length, value);
    } else {
      const length = Buffer.from([0xfd, 0, 0, 0]);
      length.writeUIntLE(value.length, 1, 3);
      parts.push(length, value);
    }
  }
  const buffer = Buffer.concat([...parts, Buffer.from('trailing')]);
  return { buffer, offset: before, end: buffer.length - 'trailing'.length, isEOF: () => false };
}

const FIELDS = [field('code', 253), field('note', 252), field('raw', 252, 63), field('n', 3)];

describe('MySQL CSV encoding', () => {
  it('quotes what needs quoting, writes NULL as empty and binary as hex', () => {
    const { writer, text } = collecting();
    const rows = new CsvRows(writer);
    rows.start(FIELDS);
    rows.values([
      Buffer.from('A1'),
      Buffer.from('say "hi", then\nleave'),
      Buffer.from([1, 2, 0xab]),
      Buffer.from('42'),
    ]);
    rows.values([null, Buffer.from(''), null, Buffer.from('7')]);
    rows.values([Buffer.from('a\rb'), Buffer.from('"'), Buffer.alloc(0), null]);
    expect(text()).toBe(
      'code,note,raw,n\nA1,"say ""hi"", then\nleave",\\x0102ab,42\n,"",,7\n"a\rb","""",\\x,\n',
    );
    expect(rows.count).toBe(3);
  });

  it('reads values straight from row packets, short and long, the same as parsed ones', () => {
    const long = Buffer.from('x,'.repeat(200));
    const huge = Buffer.from('y'.repeat(70_000));
    const values = [Buffer.from('Zürich'), long, Buffer.from([0, 255]), huge];
    const fromPackets = collecting(100);
    const rows = new CsvRows(fromPackets.writer);
    rows.start(FIELDS);
    rows.packet(rowPacket(values, 5));
    rows.packet(rowPacket([null, Buffer.from(''), null, Buffer.from('1')]));
    const parsed = collecting(100);
    const reference = new CsvRows(parsed.writer);
    reference.start(FIELDS);
    reference.values(values);
    reference.values([null, Buffer.from(''), null, Buffer.from('1')]);
    const csv = fromPackets.text();
    expect(csv).toBe(parsed.text());
    expect(csv).toBe(
      `code,note,raw,n\nZürich,"${long.toString()}",\\x00ff,${huge.toString()}\n,"",,1\n`,
    );
    expect(rows.count).toBe(2);
  });

  it('refuses a row packet that ends inside a value', () => {
    const rows = new CsvRows(collecting().writer);
    rows.start(FIELDS);
    const packet = rowPacket([Buffer.from('abc'), null, null, null]);
    expect(() => rows.packet({ ...packet, end: packet.offset + 2 })).toThrow(/ends inside/);
  });

  it('writes invalid UTF-8 as the replacement character, as decoding it would', () => {
    const { writer, text } = collecting();
    writer.text(Buffer.from([0x61, 0xff, 0x2c]), 0, 3);
    writer.endRow();
    expect(text()).toBe('"a\uFFFD,"\n');
  });

  it('hands over chunks of about the chunk size that later writes leave alone', () => {
    const { writer, chunks, copies, text } = collecting(64);
    const expected: string[] = [];
    for (let i = 0; i < 500; i++) {
      const value = Buffer.from(`row ${i}`);
      writer.text(value, 0, value.length);
      writer.comma();
      writer.binary(value, 0, value.length);
      writer.endRow();
      expected.push(`row ${i},\\x${value.toString('hex')}`);
    }
    expect(text()).toBe(`${expected.join('\n')}\n`);
    expect(chunks.length).toBeGreaterThan(10);
    expect(chunks.every((chunk, i) => chunk.equals(copies[i]))).toBe(true);
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThan(64 + 40);
  });
});
