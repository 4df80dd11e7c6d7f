import { Redis } from 'ioredis';

/** Injection token for the service's Redis client (keys prefixed per environment/test run). */
export const REDIS = Symbol('REDIS');

export function createRedis(url: string, keyPrefix: string): Redis {
  return new Redis(url, { keyPrefix, maxRetriesPerRequest: 2, enableOfflineQueue: true });
}
