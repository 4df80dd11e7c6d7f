import type { FieldPacket } from 'mysql2';
import { csvEncoder } from './mysql-csv.js';

const field = (name: string, type: number, characterSet = 33) =>
  ({ name, type, characterSet }) as unknown as FieldPacket;

describe('MySQL CSV encoding', () => {
  it('quotes what needs quoting, writes NULL as empty and binary as hex', () => {
    const enc = csvEncoder([
      field('code', 253),
      field('note', 252),
      field('raw', 252, 63),
      field('n', 3),
    ]);
    expect(enc.header).toBe('code,note,raw,n');
    expect(
      enc.line([
        Buffer.from('A1'),
        Buffer.from('say "hi", then\nleave'),
        Buffer.from([1, 2]),
        Buffer.from('42'),
      ]),
    ).toBe('A1,"say ""hi"", then\nleave",\\x0102,42');
    expect(enc.line([null, Buffer.from(''), null, Buffer.from('7')])).toBe(',"",,7');
  });
});
