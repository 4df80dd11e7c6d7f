import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { describeValidationErrors } from '../errors/validation.js';

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/**
 * Builds a typed, validated settings object from the environment. Every setting needs a default (a
 * field initialiser); other variables are ignored; an invalid value stops the boot with its name.
 */
export function loadEnv<T extends object>(
  cls: new () => T,
  env: Record<string, string | undefined> = process.env,
): T {
  const known = new Set(Object.keys(new cls()));
  const defined = Object.fromEntries(
    Object.entries(env).filter(
      ([key, value]) => known.has(key) && value !== undefined && value !== '',
    ),
  );
  const instance = plainToInstance(cls, defined, { exposeDefaultValues: true });
  const errors = validateSync(instance, { whitelist: false });
  if (errors.length > 0) {
    throw new ConfigError(`invalid configuration: ${describeValidationErrors(errors).join('; ')}`);
  }
  return instance;
}
