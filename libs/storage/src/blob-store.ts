import type { Readable } from 'node:stream';
import { DomainError } from '@hydroml/contracts';

/** What the store knows about one stored blob. */
export interface BlobInfo {
  key: string;
  size: number;
  /** Hex sha256 of the blob's bytes, computed while it was written. */
  sha256: string;
}

export interface PutOptions {
  /** Refuse (payload_too_large) once more than this many bytes arrive; nothing is stored. */
  maxBytes?: number;
}

/** The source of a put: a Node stream or any async iterable of byte chunks. */
export type BlobSource = Readable | AsyncIterable<Uint8Array>;

/**
 * Port for immutable files (dataset versions, artifacts, models). A put is atomic: the blob is
 * either wholly visible under its key with its sha256 recorded, or not at all.
 */
export interface BlobStore {
  put(key: string, source: BlobSource, options?: PutOptions): Promise<BlobInfo>;
  /** A stream of the blob's bytes; not_found if absent. */
  get(key: string): Promise<Readable>;
  stat(key: string): Promise<BlobInfo | null>;
  /** True when something was removed. */
  delete(key: string): Promise<boolean>;
  /**
   * Gives the blob at `from` the key `to` (replacing anything there), keeping its sha256: a rename
   * on the filesystem, a copy and delete elsewhere. not_found when `from` is absent.
   */
  move(from: string, to: string): Promise<BlobInfo>;
  /** Keys that start with `prefix`, sorted. */
  list(prefix: string): Promise<string[]>;
  /**
   * A local file holding the blob, when the backend keeps blobs on this machine's disk (read it,
   * never write it); null otherwise, and then read through get().
   */
  localPath(key: string): Promise<string | null>;
}

/** Injection token for the BlobStore port. */
export const BLOB_STORE = Symbol('BLOB_STORE');

const KEY_PATTERN = /^[A-Za-z0-9_][A-Za-z0-9._=-]*(\/[A-Za-z0-9_][A-Za-z0-9._=-]*)*$/;

/** Keys are relative slash paths of safe segments: no `..`, no leading slash, no spaces. */
export function assertBlobKey(key: string): void {
  if (key.length > 512 || !KEY_PATTERN.test(key) || key.split('/').includes('..')) {
    throw new DomainError('invalid_argument', `invalid blob key: ${JSON.stringify(key)}`);
  }
}

export function blobTooLarge(maxBytes: number): DomainError {
  return new DomainError('payload_too_large', `the upload exceeds the limit of ${maxBytes} bytes`, {
    limitBytes: maxBytes,
  });
}

export function blobNotFound(key: string): DomainError {
  return new DomainError('not_found', `blob ${key} not found`, { key });
}
