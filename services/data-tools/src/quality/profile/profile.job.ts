import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DomainError, type ProfileView } from '@hydroml/contracts';
import { JobWorker, type JobContext } from '@hydroml/jobs';
import { parquetSource } from '@hydroml/recipes';
import { DuckEngine, sqlString } from '../../engine/duck-engine.js';
import { VersionCache } from '../../storage/version-cache.js';
import { VersionsRepository } from '../../versions/versions.repository.js';
import { computeProfile } from './compute-profile.js';
import { ProfilesRepository } from './profiles.repository.js';

export const PROFILE_JOB = 'quality-profile';

export interface ProfilePayload {
  dataSourceId: string;
  version: number;
  refresh: boolean;
}

/** Profiles a version (access was checked when the job was queued) and stores the result. */
@Injectable()
export class ProfileJob implements OnModuleInit {
  constructor(
    private readonly worker: JobWorker,
    private readonly versions: VersionsRepository,
    private readonly cache: VersionCache,
    private readonly engine: DuckEngine,
    private readonly profiles: ProfilesRepository,
  ) {}

  onModuleInit(): void {
    this.worker.register(PROFILE_JOB, (ctx) => this.run(ctx));
  }

  async run(ctx: JobContext): Promise<Record<string, unknown>> {
    const payload = ctx.payload as unknown as ProfilePayload;
    const profile = await this.profile(payload, ctx);
    return {
      ...{ dataSourceId: profile.dataSourceId, version: profile.version },
      ...{ alerts: profile.alerts.length, readiness: profile.ml.readiness },
    };
  }

  /** The stored profile of a version, computed now when absent (or when asked to refresh). */
  async profile(payload: ProfilePayload, ctx?: JobContext): Promise<ProfileView> {
    const entity = await this.versions.find(payload.dataSourceId, payload.version);
    if (!entity) throw new DomainError('not_found', `version ${payload.version} not found`);
    const stored = payload.refresh ? null : await this.profiles.find(entity.id);
    if (stored) return stored;
    const started = performance.now();
    const path = await this.cache.path(entity.blobKey, entity.sha256);
    const body = await this.engine.use((c) =>
      computeProfile(
        c,
        {
          source: `read_parquet(${sqlString(path)})`,
          ordered: `(${parquetSource(sqlString(path))})`,
          ...{ schema: entity.schema, bytes: Number(entity.bytes) },
        },
        async (fraction, message) => {
          ctx?.throwIfCancelled();
          await ctx?.progress(fraction, message);
        },
      ),
    );
    const profile: ProfileView = {
      ...{ dataSourceId: entity.dataSourceId, version: entity.version, versionId: entity.id },
      ...{ computedAt: new Date().toISOString(), durationMs: performance.now() - started },
      ...body,
    };
    await this.profiles.save(profile, entity.sha256);
    return profile;
  }
}
