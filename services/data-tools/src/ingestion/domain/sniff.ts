import { DomainError } from '@hydroml/contracts';

export type TextEncoding = 'utf-8' | 'utf-16' | 'latin-1';
export type FileFormat = 'csv' | 'json' | 'parquet' | 'xlsx';

/**
 * The encoding of a text sample (the first KiBs of a file): a BOM decides; NUL bytes at every
 * other position mean UTF-16; valid UTF-8 is UTF-8; anything else is read as Latin-1.
 */
export function detectEncoding(sample: Uint8Array): TextEncoding {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return 'utf-8';
  if ((sample[0] === 0xff && sample[1] === 0xfe) || (sample[0] === 0xfe && sample[1] === 0xff)) {
    return 'utf-16';
  }
  if (looksUtf16(sample)) return 'utf-16';
  if (sample.includes(0)) {
    throw new DomainError(
      'invalid_argument',
      'the file is binary, not text (it contains NUL bytes)',
    );
  }
  return isUtf8(sample) ? 'utf-8' : 'latin-1';
}

function looksUtf16(sample: Uint8Array): boolean {
  const pairs = Math.floor(Math.min(sample.length, 4096) / 2);
  if (pairs < 2) return false;
  let zeroHigh = 0;
  for (let i = 0; i < pairs; i += 1) if (sample[2 * i + 1] === 0) zeroHigh += 1;
  return zeroHigh / pairs > 0.9;
}

/** Valid UTF-8, allowing a multi-byte sequence cut off at the end of the sample. */
function isUtf8(sample: Uint8Array): boolean {
  let end = sample.length;
  let back = 0;
  while (back < 3 && end - back - 1 >= 0 && (sample[end - back - 1] & 0xc0) === 0x80) back += 1;
  if (end - back - 1 >= 0 && sample[end - back - 1] >= 0xc0) end -= back + 1;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample.subarray(0, end));
    return true;
  } catch {
    return false;
  }
}

const PARQUET_MAGIC = [0x50, 0x41, 0x52, 0x31];

/** The format from the extension, checked against the content where it has a signature. */
export function detectFormat(fileName: string, sample: Uint8Array): FileFormat {
  const ext = fileName.toLowerCase().split('.').pop() ?? '';
  const isParquet = PARQUET_MAGIC.every((byte, i) => sample[i] === byte);
  if (ext === 'parquet' || isParquet) {
    if (!isParquet) throw new DomainError('invalid_argument', 'the file is not a Parquet file');
    return 'parquet';
  }
  const isZip = sample[0] === 0x50 && sample[1] === 0x4b;
  if (ext === 'xlsx' || ext === 'xlsm') {
    if (!isZip) throw new DomainError('invalid_argument', 'the file is not an Excel workbook');
    return 'xlsx';
  }
  if (ext === 'xls') {
    throw new DomainError(
      'invalid_argument',
      'old .xls workbooks are not supported: save as .xlsx',
    );
  }
  if (isZip) throw new DomainError('invalid_argument', 'the file is a ZIP archive, not a table');
  if (ext === 'json' || ext === 'ndjson' || ext === 'jsonl') return 'json';
  return 'csv';
}
