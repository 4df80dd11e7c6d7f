import { createHash, type Hash } from 'node:crypto';
import { blobTooLarge } from './blob-store.js';

/** Counts and hashes the bytes that pass, and enforces an optional size limit. */
export class ByteCounter {
  private readonly hash: Hash = createHash('sha256');
  size = 0;

  constructor(private readonly maxBytes?: number) {}

  add(chunk: Uint8Array): void {
    this.size += chunk.byteLength;
    if (this.maxBytes !== undefined && this.size > this.maxBytes) throw blobTooLarge(this.maxBytes);
    this.hash.update(chunk);
  }

  digest(): string {
    return this.hash.digest('hex');
  }
}

/** Normalises string chunks (from a stream in text mode) to bytes. */
export function toBytes(chunk: unknown): Uint8Array {
  if (chunk instanceof Uint8Array) return chunk;
  if (typeof chunk === 'string') return Buffer.from(chunk);
  throw new TypeError('blob sources must yield bytes');
}
