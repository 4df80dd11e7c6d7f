import { Injectable } from '@nestjs/common';
import type { DatasetVersionEntity } from '../versions/persistence/dataset-version.entity.js';
import { VersionsRepository } from '../versions/versions.repository.js';

const TTL_MS = 5_000;
const MAX_ENTRIES = 1_000;

/**
 * Version rows remembered for a few seconds, so a cached grid page costs no PostgreSQL round trip.
 * Versions are immutable; only a deletion can change the answer, and it shows within TTL_MS
 * (access is still checked on every request).
 */
@Injectable()
export class VersionLookup {
  private readonly entries = new Map<string, { at: number; entity: DatasetVersionEntity }>();

  constructor(private readonly versions: VersionsRepository) {}

  async find(dataSourceId: string, version: number): Promise<DatasetVersionEntity | null> {
    const key = `${dataSourceId}@${version}`;
    const now = Date.now();
    const hit = this.entries.get(key);
    if (hit && now - hit.at < TTL_MS) return hit.entity;
    const entity = await this.versions.find(dataSourceId, version);
    if (entity === null) return null; // not remembered: it may be committed any moment
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    this.entries.set(key, { at: now, entity });
    return entity;
  }
}
