import { encodeBytes, encodeF64 } from '../util/codec.js';
import { packFloats, packInts, unpackFloats, unpackInts } from './compact-arrays.js';

function bits(a: Float64Array): string {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('hex');
}

function roundTripFloats(a: Float64Array): string {
  const packed = packFloats(a);
  expect(typeof packed).toBe('string');
  const back = unpackFloats(JSON.parse(JSON.stringify(packed)) as string);
  expect(back).toBeInstanceOf(Float64Array);
  expect(bits(back)).toBe(bits(a));
  return (packed as string).split(':')[0];
}

describe('compact arrays', () => {
  it('stores integers in the narrowest integer type and reads them back exactly', () => {
    const cases: Array<[number[], string]> = [
      [[], 'i8'],
      [[-1, 0, 5, 127, -128], 'i8'],
      [[-1, 200], 'i16'],
      [[-32768, 32767], 'i16'],
      [[-1, 40000], 'i32'],
      [[2147483647, -2147483648], 'i32'],
    ];
    for (const [values, type] of cases) {
      const packed = packInts(Int32Array.from(values)) as string;
      expect(packed.split(':')[0]).toBe(type);
      expect(Array.from(unpackInts(packed))).toEqual(values);
      expect(roundTripFloats(Float64Array.from(values))).toBe(type);
    }
  });

  it('keeps every float bit: -0, NaN, infinities, large integers', () => {
    expect(roundTripFloats(Float64Array.of(-0, 1, 2))).toBe('f64');
    expect(roundTripFloats(Float64Array.of(NaN, 1.5, 2.5))).toBe('f64');
    expect(roundTripFloats(Float64Array.of(Infinity, 1, -Infinity))).toBe('f64');
    expect(roundTripFloats(Float64Array.of(2 ** 40, 3))).toBe('f64');
    expect(roundTripFloats(Float64Array.of(0.1, 0.2, 0.30000000000000004))).toBe('f64');
  });

  it('codes floats with few distinct values through a dictionary, -0 apart from 0', () => {
    const few = Float64Array.from({ length: 5000 }, (_, i) => [0.25, -0, 0, 1e-300, 7.5][i % 5]);
    expect(roundTripFloats(few)).toBe('d8');
    const more = Float64Array.from({ length: 5000 }, (_, i) => (i % 300) / 3);
    expect(roundTripFloats(more)).toBe('d16');
    const withNaN = Float64Array.from({ length: 5000 }, (_, i) => (i % 2 ? NaN : 0.5));
    expect(roundTripFloats(withNaN)).toBe('f64');
    const distinct = Float64Array.from({ length: 5000 }, (_, i) => i / 7);
    expect(roundTripFloats(distinct)).toBe('f64');
  });

  it('reads version 1 strings (no type) as int32 or float64 bytes', () => {
    const ints = Int32Array.of(-1, 3, 70000);
    expect(Array.from(unpackInts(encodeBytes(ints)))).toEqual([-1, 3, 70000]);
    const floats = Float64Array.of(-0, NaN, 0.1);
    expect(bits(unpackFloats(encodeF64(floats)))).toBe(bits(floats));
  });

  it('refuses corrupt or mistyped arrays', () => {
    expect(() => unpackInts('i64:AAAA')).toThrow(/corrupt/);
    expect(() => unpackInts('i32:AAA=')).toThrow(/bad length/);
    expect(() => unpackInts('f64:AAAAAAAAAAA=')).toThrow(/integer array/);
    expect(() => unpackFloats('d8:AAAAAAAAAAA=:AQ==')).toThrow(/out of range/);
    expect(() => unpackFloats('i8:AA==:AA==')).toThrow(/corrupt/);
    expect(() => unpackFloats(3)).toThrow(/string/);
  });
});
