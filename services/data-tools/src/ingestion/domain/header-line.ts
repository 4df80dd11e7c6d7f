import type { TextEncoding } from './sniff.js';

/** Decodes a sample in the detected encoding, without a BOM. */
export function decodeSample(sample: Uint8Array, encoding: TextEncoding): string {
  const bigEndian = sample[0] === 0xfe && sample[1] === 0xff;
  const label = encoding === 'utf-16' ? (bigEndian ? 'utf-16be' : 'utf-16le') : encoding;
  return new TextDecoder(label === 'latin-1' ? 'latin1' : label)
    .decode(sample)
    .replace(/^\uFEFF/, '');
}

/**
 * The cells of the first record (quotes respected), or null when the sample ends inside it.
 * Empty cells are null, as the engine sees them.
 */
export function headerCells(
  text: string,
  delimiter: string,
  quote: string,
): Array<string | null> | null {
  const cells: Array<string | null> = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    if (quoted) {
      if (ch === quote && text[i + 1] === quote) {
        cell += ch;
        i += 1;
      } else if (ch === quote) quoted = false;
      else cell += ch;
    } else if (ch === quote) quoted = true;
    else if (ch === delimiter) {
      cells.push(cell === '' ? null : cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      cells.push(cell === '' ? null : cell);
      return cells;
    } else cell += ch;
  }
  return null;
}
