import { contract, EmptyDto } from '../contract.js';

export const SERVICE_NAMES = [
  'auth',
  'projects',
  'connectors',
  'data-tools',
  'experiments',
] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

export interface HealthReport {
  service: ServiceName;
  status: 'ok' | 'degraded';
  version: string;
  uptimeSeconds: number;
  checks: Record<string, 'ok' | 'down'>;
}

/** `<service>.health.check`: every service answers it; the gateway's /readyz asks all of them. */
export function healthContract(service: ServiceName) {
  return contract<EmptyDto, HealthReport>(`${service}.health.check`, EmptyDto);
}
