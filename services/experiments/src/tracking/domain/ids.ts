import { DomainError } from '@hydroml/contracts';

const HEX32 = /^[0-9a-f]{32}$/;

/** A run's MLflow id (32 lowercase hex) as the UUID it is stored as, or null if malformed. */
export function hexToUuid(hex: string): string | null {
  const lower = hex.toLowerCase();
  if (!HEX32.test(lower)) return null;
  return `${lower.slice(0, 8)}-${lower.slice(8, 12)}-${lower.slice(12, 16)}-${lower.slice(16, 20)}-${lower.slice(20)}`;
}

export function uuidToHex(uuid: string): string {
  return uuid.replace(/-/g, '');
}

/** The run id from `run_id` or the deprecated `run_uuid`; a malformed id is an unknown run. */
export function runIdOf(dto: { run_id?: string; run_uuid?: string }): string {
  const raw = dto.run_id ?? dto.run_uuid;
  if (!raw)
    throw new DomainError('invalid_argument', "Missing value for required parameter 'run_id'");
  const id = hexToUuid(raw);
  if (!id) throw new DomainError('not_found', `Run with id=${raw} not found`);
  return id;
}

/** An experiment id is MLflow's decimal string; anything else names no experiment. */
export function experimentNumOf(raw: string): string {
  if (!/^\d{1,18}$/.test(raw)) {
    throw new DomainError('not_found', `No Experiment with id=${raw} exists`);
  }
  return raw;
}
