import type { ColumnType } from '@hydroml/contracts';

/**
 * How source column types land in a dataset (documented in the README):
 * - integers (smallint, integer, bigint, tinyint, mediumint, year) -> integer;
 * - real, double, float, numeric/decimal -> float (numeric beyond ~15 significant digits loses
 *   precision; such columns can be re-ingested as string);
 * - boolean -> boolean; date -> date;
 * - timestamp, timestamptz, datetime -> timestamp (timestamptz in UTC);
 * - everything else (text, uuid, json/jsonb, arrays, time, interval, enum, set; binary and MySQL
 *   BIT as \x-hex) -> string, as is any type with no dataset equivalent (composite, tsvector,
 *   point, money, ranges, xml, PostgreSQL bit strings): its text form, e.g. '(S1,2.5)', '$12.34'.
 * MySQL's tinyint(1) (BOOLEAN) is reported by the protocol as a tiny integer and stays an integer.
 */
export function datasetType(sourceType: string): ColumnType {
  const t = sourceType.toLowerCase();
  if (t.endsWith('[]')) return 'string';
  if (/^(smallint|integer|bigint|int2|int4|int8|tiny|short|long|longlong|int24|year)\b/.test(t))
    return 'integer';
  if (/^(real|double|float|numeric|decimal|newdecimal)/.test(t)) return 'float';
  if (/^bool/.test(t)) return 'boolean';
  if (t === 'date' || t === 'newdate') return 'date';
  if (/^(timestamp|datetime)/.test(t)) return 'timestamp';
  return 'string';
}

/** Cells as NDJSON values that the dataset's declared type reads back exactly. */
export function ndjsonValue(value: unknown, type: ColumnType): unknown {
  if (value === null || value === undefined) return null;
  if (type === 'string' && typeof value === 'object') return JSON.stringify(value);
  if (type === 'float' && typeof value === 'string') return Number(value);
  if (type === 'integer' && typeof value === 'string' && /^-?\d{1,15}$/.test(value))
    return Number(value);
  if (type === 'boolean' && typeof value === 'number') return value !== 0;
  return value;
}
