import type { Json } from './estimator.js';

/** Typed arrays as base64 of their bytes: exact (NaN and ±Infinity included) and compact. */
export function encodeF64(a: Float64Array): string {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');
}

export function decodeF64(s: Json | undefined): Float64Array {
  const b = Buffer.from(expectString(s), 'base64');
  if (b.byteLength % 8 !== 0) throw new Error('corrupt model: float64 array has a bad length');
  const out = new Float64Array(b.byteLength / 8);
  new Uint8Array(out.buffer).set(b);
  return out;
}

export function encodeI32(a: Int32Array): string {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');
}

export function decodeI32(s: Json | undefined): Int32Array {
  const b = Buffer.from(expectString(s), 'base64');
  if (b.byteLength % 4 !== 0) throw new Error('corrupt model: int32 array has a bad length');
  const out = new Int32Array(b.byteLength / 4);
  new Uint8Array(out.buffer).set(b);
  return out;
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
