import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ProfileView } from '@hydroml/contracts';

/** Profiles cached per version (versions are immutable, so a stored profile never goes stale). */
@Injectable()
export class ProfilesRepository {
  constructor(private readonly db: DataSource) {}

  async save(profile: ProfileView, sha256: string): Promise<void> {
    await this.db.query(
      `INSERT INTO quality_profiles (id, data_source_id, version, version_id, sha256, profile, duration_ms, computed_at)
       VALUES ($8, $1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (version_id) DO UPDATE SET profile = EXCLUDED.profile,
         duration_ms = EXCLUDED.duration_ms, computed_at = EXCLUDED.computed_at`,
      [
        ...[profile.dataSourceId, profile.version, profile.versionId, sha256],
        ...[JSON.stringify(profile), Math.round(profile.durationMs), profile.computedAt],
        randomUUID(),
      ],
    );
  }

  async find(versionId: string): Promise<ProfileView | null> {
    const rows: Array<{ profile: ProfileView }> = await this.db.query(
      `SELECT profile FROM quality_profiles WHERE version_id = $1`,
      [versionId],
    );
    return rows[0]?.profile ?? null;
  }
}
