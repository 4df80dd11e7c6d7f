import { Injectable } from '@nestjs/common';
import { crc32, HpoError, loadStudy, type FrozenTrial, type Study } from '@hydroml/hpo';
import type { StudyRequestDto } from '@hydroml/contracts';
import { prunerOf, samplerOf } from './domain/search-space.js';
import { PgHpoStorage } from './persistence/pg-hpo-storage.js';

/** Opens a study's libs/hpo Study on the PostgreSQL storage with its sampler and pruner. */
@Injectable()
export class StudyHpo {
  constructor(readonly storage: PgHpoStorage) {}

  /**
   * `salt` varies the sampler's seed per worker call (a job id), so parallel trials never draw the
   * same start-up points from identically seeded generators.
   */
  open(hpoName: string, request: StudyRequestDto, salt: string): Promise<Study> {
    const seed = ((request.sampler?.seed ?? 0) ^ crc32(salt)) >>> 0;
    const seeded = { ...request, sampler: { type: request.sampler?.type ?? 'tpe', seed } };
    return loadStudy({
      studyName: hpoName,
      storage: this.storage,
      sampler: samplerOf(seeded),
      pruner: prunerOf(request),
    });
  }

  /**
   * Marks a trial FAIL with a readable reason (and any other system attributes); a trial that
   * finished meanwhile (its own tell won) keeps its state and its run. Says whether this call
   * failed it, with its MLflow run id (when it has one) for the caller to end.
   */
  async fail(
    study: Study,
    trial: FrozenTrial,
    reason: string,
    attrs: Record<string, boolean> = {},
  ): Promise<{ failed: boolean; runId: string | null }> {
    try {
      await this.storage.setTrialSystemAttr(trial.trialId, 'fail_reason', reason);
      for (const [key, value] of Object.entries(attrs)) {
        await this.storage.setTrialSystemAttr(trial.trialId, key, value);
      }
    } catch (error) {
      // Finished between being read and now (its own tell won): it keeps its state and its run.
      if (error instanceof HpoError && error.code === 'INVALID_STATE') {
        return { failed: false, runId: null };
      }
      throw error;
    }
    const told = await study.tell(trial.number, 'FAIL', { skipIfFinished: true });
    if (told.state !== 'FAIL') return { failed: false, runId: null };
    const runId = trial.systemAttrs.run_id;
    return { failed: true, runId: typeof runId === 'string' ? runId : null };
  }
}
