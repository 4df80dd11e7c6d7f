import { ValidateBy, type ValidationOptions } from 'class-validator';

/** MLflow's JSON form of a double: a number, or one of these names for non-finite values. */
export const NON_FINITE_NAMES = ['NaN', 'Infinity', '-Infinity'] as const;
export type WireDouble = number | (typeof NON_FINITE_NAMES)[number];

/** A number, a numeric string (protobuf JSON allows both) or a non-finite name. */
export function isWireDouble(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value);
  if (typeof value !== 'string') return false;
  if ((NON_FINITE_NAMES as readonly string[]).includes(value)) return true;
  return value.trim() !== '' && Number.isFinite(Number(value));
}

export function IsWireDouble(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isWireDouble',
      validator: {
        validate: isWireDouble,
        defaultMessage: () => '$property must be a number, "NaN", "Infinity" or "-Infinity"',
      },
    },
    options,
  );
}

/** Decodes a validated wire double. */
export function fromWireDouble(value: number | string): number {
  if (typeof value === 'number') return value;
  if (value === 'NaN') return Number.NaN;
  if (value === 'Infinity') return Number.POSITIVE_INFINITY;
  if (value === '-Infinity') return Number.NEGATIVE_INFINITY;
  return Number(value);
}

/** Encodes a double the way MLflow writes it in JSON. */
export function toWireDouble(value: number): WireDouble {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Number.POSITIVE_INFINITY) return 'Infinity';
  if (value === Number.NEGATIVE_INFINITY) return '-Infinity';
  return value;
}
