import type { Json } from './estimator.js';

/** Base64 of a typed array's bytes (platform order): exact (NaN and ±Infinity included), compact. */
export function encodeBytes(a: ArrayBufferView): string {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');
}

/**
 * The bytes of a base64 text in a fresh (aligned) buffer, for a typed array of `size`-byte
 * elements; `what` names the array in the error when the length is not a multiple of `size`.
 */
export function decodeBytes(text: string, size: number, what: string): ArrayBuffer {
  const b = Buffer.from(text, 'base64');
  if (b.byteLength % size !== 0) throw new Error(`corrupt model: ${what} has a bad length`);
  const out = new ArrayBuffer(b.byteLength);
  new Uint8Array(out).set(b);
  return out;
}

/** Typed arrays as base64 of their bytes (model format 1, and arrays outside the trees). */
export function encodeF64(a: Float64Array): string {
  return encodeBytes(a);
}

export function decodeF64(s: Json | undefined): Float64Array {
  return new Float64Array(decodeBytes(expectString(s), 8, 'float64 array'));
}

export function expectString(v: Json | undefined): string {
  if (typeof v !== 'string') throw new Error('corrupt model: expected a string field');
  return v;
}

export function expectNumber(v: Json | undefined): number {
  if (typeof v !== 'number') throw new Error('corrupt model: expected a number field');
  return v;
}

export function expectArray(v: Json | undefined): Json[] {
  if (!Array.isArray(v)) throw new Error('corrupt model: expected an array field');
  return v;
}

export function expectObject(v: Json | undefined): { [key: string]: Json } {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) {
    throw new Error('corrupt model: expected an object field');
  }
  return v;
}
