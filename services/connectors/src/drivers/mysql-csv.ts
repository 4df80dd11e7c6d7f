import type { FieldPacket } from 'mysql2';

const BINARY_CHARSET = 63;
const NEEDS_QUOTES = /[",\r\n]/;

function isBinary(field: FieldPacket): boolean {
  const name = String(field.type ?? field.columnType);
  const textual = ['252', '253', '254', '249', '250', '251'].includes(name);
  return textual && field.characterSet === BINARY_CHARSET;
}

function textOf(value: unknown): string {
  if (Buffer.isBuffer(value)) return value.toString('utf8');
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** One CSV field from MySQL's raw text (typeCast off): binary as \x-hex, NULL as empty. */
function csvField(value: unknown, binary: boolean): string {
  if (value === null || value === undefined) return '';
  if (binary && Buffer.isBuffer(value)) return `\\x${value.toString('hex')}`;
  const text = textOf(value);
  return text === '' || NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Encodes rows as CSV lines, given the result's fields. */
export function csvEncoder(fields: FieldPacket[]): {
  header: string;
  line(row: unknown[]): string;
} {
  const binary = fields.map(isBinary);
  return {
    header: fields.map((f) => csvField(f.name, false)).join(','),
    line: (row) => row.map((v, i) => csvField(v, binary[i])).join(','),
  };
}
