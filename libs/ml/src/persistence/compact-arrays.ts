import { decodeBytes, encodeBytes, expectString } from '../util/codec.js';
import type { Json } from '../util/estimator.js';

/**
 * Numeric arrays in the model format (version 2): each is stored in the smallest exact form, as a
 * string `<type>:<base64 of its bytes in platform order>`. Integers (no -0) as 8-, 16- or 32-bit
 * integers (i8, i16, i32); other floats with few distinct values as `d8:<values>:<indices>` or
 * d16 (8- or 16-bit indices into float64s); anything else as f64. A string without a type (version
 * 1) is the array's own type. Decoding gives back the same bits for every element.
 */
const INT_TYPES = { i8: Int8Array, i16: Int16Array, i32: Int32Array } as const;
type IntType = keyof typeof INT_TYPES;
const INDEX_TYPES = { d8: Uint8Array, d16: Uint16Array } as const;
type IndexType = keyof typeof INDEX_TYPES;

/** The bytes of a packed array's base64 text; its length a multiple of `size`. */
function bytesOf(text: string, size: number): ArrayBuffer {
  return decodeBytes(text, size, 'packed array');
}

function typeFor(min: number, max: number): IntType {
  if (min >= -0x80 && max <= 0x7f) return 'i8';
  return min >= -0x8000 && max <= 0x7fff ? 'i16' : 'i32';
}

/** The narrowest integer type holding every element. */
function intType(a: Int32Array): IntType {
  let min = 0;
  let max = 0;
  for (let i = 0; i < a.length; i++) {
    const v = a[i];
    if (v < min) min = v;
    else if (v > max) max = v;
  }
  return typeFor(min, max);
}

/** The narrowest integer type holding every element, or null when some is not an int32 (or -0). */
function floatIntType(a: Float64Array): IntType | null {
  let min = 0;
  let max = 0;
  for (let i = 0; i < a.length; i++) {
    const v = a[i];
    if ((v | 0) !== v || (v === 0 && 1 / v < 0)) return null;
    if (v < min) min = v;
    else if (v > max) max = v;
  }
  return typeFor(min, max);
}

/** Elements sampled across the array: nearly all distinct means a dictionary will not pay. */
const SAMPLES = 1024;

function fewDistinct(a: Float64Array): boolean {
  if (a.length <= SAMPLES) return true;
  const seen = new Set<number>();
  const step = a.length / SAMPLES;
  for (let s = 0; s < SAMPLES; s++) seen.add(a[Math.floor(s * step)]);
  return seen.size < SAMPLES * 0.9;
}

function hashBits(lo: number, hi: number, mask: number): number {
  const h = Math.imul(lo ^ Math.imul(hi, 0x27d4eb2d), 0x9e3779b1);
  return (h ^ (h >>> 15)) & mask;
}

/** Slots (value index + 1, 0 = empty) of an open-addressing table of the first d values' bits. */
function slotsFor(valueBits: Uint32Array, d: number, size: number): Uint32Array {
  const slots = new Uint32Array(size);
  for (let k = 0; k < d; k++) {
    let h = hashBits(valueBits[2 * k], valueBits[2 * k + 1], size - 1);
    while (slots[h] !== 0) h = (h + 1) & (size - 1);
    slots[h] = k + 1;
  }
  return slots;
}

/**
 * Distinct values (in order of first appearance) and each element's index, when there are at most
 * `limit`: a hash table on the values' bits, so -0 and 0 stay apart (NaN: no dictionary).
 */
function dictionary(a: Float64Array): { values: Float64Array; index: Uint16Array } | null {
  const limit = Math.min(0xffff, Math.floor(a.length / 2));
  if (limit === 0 || !fewDistinct(a)) return null;
  const bits = new Uint32Array(a.buffer, a.byteOffset, a.length * 2);
  const values = new Float64Array(limit);
  const valueBits = new Uint32Array(values.buffer);
  const index = new Uint16Array(a.length);
  let slots: Uint32Array = new Uint32Array(1024);
  let d = 0;
  for (let i = 0; i < a.length; i++) {
    const lo = bits[2 * i];
    const hi = bits[2 * i + 1];
    const mask = slots.length - 1;
    let h = hashBits(lo, hi, mask);
    let k = slots[h] - 1;
    while (k >= 0 && (valueBits[2 * k] !== lo || valueBits[2 * k + 1] !== hi)) {
      h = (h + 1) & mask;
      k = slots[h] - 1;
    }
    if (k < 0) {
      if (d === limit || a[i] !== a[i]) return null;
      k = d++;
      values[k] = a[i];
      slots[h] = d;
      if (2 * d > slots.length) slots = slotsFor(valueBits, d, 2 * slots.length);
    }
    index[i] = k;
  }
  return { values: values.slice(0, d), index };
}

function narrowed(a: Int32Array | Float64Array, type: IntType): string {
  const out = new INT_TYPES[type](a.length);
  out.set(a);
  return `${type}:${encodeBytes(out)}`;
}

export function packInts(a: Int32Array): Json {
  return narrowed(a, intType(a));
}

export function packFloats(a: Float64Array): Json {
  const ints = floatIntType(a);
  if (ints !== null) return narrowed(a, ints);
  const dict = dictionary(a);
  if (dict === null) return `f64:${encodeBytes(a)}`;
  const small = dict.values.length <= 0x100;
  const index = small ? new Uint8Array(dict.index) : dict.index;
  return `${small ? 'd8' : 'd16'}:${encodeBytes(dict.values)}:${encodeBytes(index)}`;
}

function fromDictionary(type: IndexType, values: Float64Array, text: string): Float64Array {
  const I = INDEX_TYPES[type];
  const index = new I(bytesOf(text, I.BYTES_PER_ELEMENT));
  const out = new Float64Array(index.length);
  for (let i = 0; i < index.length; i++) {
    const k = index[i];
    if (k >= values.length) throw new Error('corrupt model: dictionary index out of range');
    out[i] = values[k];
  }
  return out;
}

/** The elements of a packed array; `natural` is the type of a version-1 string (no type). */
function unpack(field: Json | undefined, natural: 'i32' | 'f64'): ArrayLike<number> {
  const parts = expectString(field).split(':');
  const type = parts.length === 1 ? natural : parts[0];
  const data = parts[parts.length - 1];
  if (parts.length <= 2 && Object.hasOwn(INT_TYPES, type)) {
    const T = INT_TYPES[type as IntType];
    return new T(bytesOf(data, T.BYTES_PER_ELEMENT));
  }
  if (parts.length <= 2 && type === 'f64') return new Float64Array(bytesOf(data, 8));
  if (parts.length === 3 && Object.hasOwn(INDEX_TYPES, type)) {
    return fromDictionary(type as IndexType, new Float64Array(bytesOf(parts[1], 8)), data);
  }
  throw new Error(`corrupt model: packed array of type '${type}'`);
}

export function unpackFloats(field: Json | undefined): Float64Array {
  const a = unpack(field, 'f64');
  return a instanceof Float64Array ? a : Float64Array.from(a);
}

export function unpackInts(field: Json | undefined): Int32Array {
  const a = unpack(field, 'i32');
  if (a instanceof Int32Array) return a;
  if (a instanceof Float64Array) throw new Error('corrupt model: expected an integer array');
  return Int32Array.from(a);
}
