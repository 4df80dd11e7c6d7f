import { DomainError } from '@hydroml/contracts';

/**
 * Opaque page tokens: base64url JSON. Lists in a fixed order carry the offset of the next page;
 * run searches carry the sort key of the last row returned (keyset), so runs created or deleted
 * meanwhile never shift a page into duplicates or gaps.
 */
export function encodePageToken(offset: number): string {
  return Buffer.from(JSON.stringify({ o: offset })).toString('base64url');
}

function invalidToken(): DomainError {
  return new DomainError('invalid_argument', 'Invalid page token, could not base64-decode');
}

function parseToken(token: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (typeof parsed === 'object' && parsed !== null) return parsed as Record<string, unknown>;
  } catch {
    // falls through: a token we did not issue
  }
  throw invalidToken();
}

export function decodePageToken(token: string | undefined): number {
  if (!token) return 0;
  const offset = parseToken(token).o;
  if (typeof offset === 'number' && Number.isSafeInteger(offset) && offset >= 0) return offset;
  throw invalidToken();
}

/** The next page, when this page was full. */
export function nextPageToken(offset: number, returned: number, limit: number): string | undefined {
  return returned === limit ? encodePageToken(offset + returned) : undefined;
}

export type SortKey = Array<string | null>;

export function encodeKeysetToken(key: SortKey): string {
  return Buffer.from(JSON.stringify({ k: key })).toString('base64url');
}

/** The sort key to resume after (null for the first page); it must have `length` parts. */
export function decodeKeysetToken(token: string | undefined, length: number): SortKey | null {
  if (!token) return null;
  const key = parseToken(token).k;
  if (
    Array.isArray(key) &&
    key.length === length &&
    key.every((part) => part === null || (typeof part === 'string' && part.length <= 1000))
  ) {
    return key as SortKey;
  }
  throw new DomainError(
    'invalid_argument',
    'Invalid page token: it was issued for a different search order',
  );
}
