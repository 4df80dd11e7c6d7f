import { DomainError } from '@hydroml/contracts';

/** Opaque page tokens: base64url JSON of the offset into a deterministic order. */
export function encodePageToken(offset: number): string {
  return Buffer.from(JSON.stringify({ o: offset })).toString('base64url');
}

export function decodePageToken(token: string | undefined): number {
  if (!token) return 0;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    const offset = (parsed as { o?: unknown }).o;
    if (typeof offset === 'number' && Number.isSafeInteger(offset) && offset >= 0) return offset;
  } catch {
    // falls through to the error below: a token we did not issue
  }
  throw new DomainError('invalid_argument', 'Invalid page token, could not base64-decode');
}

/** The token of the next page, when this page was full. */
export function nextPageToken(offset: number, returned: number, limit: number): string | undefined {
  return returned === limit ? encodePageToken(offset + returned) : undefined;
}
