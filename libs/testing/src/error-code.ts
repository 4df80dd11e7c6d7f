import { DomainError } from '@hydroml/contracts';

/** The contract error code a promise rejects with (undefined when it resolves). */
export async function errorCodeOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
    return undefined;
  } catch (error) {
    return error instanceof DomainError ? error.code : `unexpected: ${String(error)}`;
  }
}
