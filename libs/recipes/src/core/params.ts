import { StepError } from './step-error.js';

/** Readers for raw step params: each throws a StepError naming the field. */
export const read = {
  string(raw: Record<string, unknown>, field: string): string {
    const value = raw[field];
    if (typeof value !== 'string' || value === '') {
      throw new StepError(`"${field}" must be a non-empty string`, field);
    }
    return value;
  },
  optionalString(raw: Record<string, unknown>, field: string): string | undefined {
    return raw[field] === undefined || raw[field] === null ? undefined : read.string(raw, field);
  },
  number(raw: Record<string, unknown>, field: string, min = -Infinity, max = Infinity): number {
    const value = raw[field];
    if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
      throw new StepError(`"${field}" must be a number in [${min}, ${max}]`, field);
    }
    return value;
  },
  optionalNumber(
    raw: Record<string, unknown>,
    field: string,
    min = -Infinity,
    max = Infinity,
  ): number | undefined {
    return raw[field] === undefined || raw[field] === null
      ? undefined
      : read.number(raw, field, min, max);
  },
  integer(raw: Record<string, unknown>, field: string, min = -Infinity, max = Infinity): number {
    const value = read.number(raw, field, min, max);
    if (!Number.isInteger(value)) throw new StepError(`"${field}" must be an integer`, field);
    return value;
  },
  boolean(raw: Record<string, unknown>, field: string, fallback: boolean): boolean {
    const value = raw[field];
    if (value === undefined || value === null) return fallback;
    if (typeof value !== 'boolean') throw new StepError(`"${field}" must be true or false`, field);
    return value;
  },
  oneOf<T extends string>(
    raw: Record<string, unknown>,
    field: string,
    allowed: readonly T[],
    fallback?: T,
  ): T {
    const value = raw[field] ?? fallback;
    if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
      throw new StepError(`"${field}" must be one of ${allowed.join(', ')}`, field);
    }
    return value as T;
  },
  strings(raw: Record<string, unknown>, field: string, minLength = 1): string[] {
    const value = raw[field];
    if (
      !Array.isArray(value) ||
      value.length < minLength ||
      !value.every((v) => typeof v === 'string' && v !== '')
    ) {
      throw new StepError(`"${field}" must be a list of at least ${minLength} names`, field);
    }
    return value as string[];
  },
  object(raw: Record<string, unknown>, field: string): Record<string, unknown> {
    const value = raw[field];
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new StepError(`"${field}" must be an object`, field);
    }
    return value as Record<string, unknown>;
  },
};
