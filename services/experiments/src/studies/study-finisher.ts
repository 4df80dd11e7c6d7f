import { Injectable } from '@nestjs/common';
import { DomainError, type CallContext } from '@hydroml/contracts';
import { logger } from '@hydroml/nest-kit';
import { ModelVersionsService } from '../registry/model-versions.service.js';
import { RegisteredModelsService } from '../registry/registered-models.service.js';
import { uuidToHex } from '../tracking/domain/ids.js';
import { RunRecorder } from '../training/tracking/run-recorder.js';
import { PgHpoStorage } from './persistence/pg-hpo-storage.js';
import { StudiesRepository, type StudyRow } from './persistence/studies.repository.js';
import { StudyNudges } from './study-nudges.js';
import { bestTrial } from './study-view.js';

/** Closes a study once its budget is spent: best trial on the parent run, best model registered. */
@Injectable()
export class StudyFinisher {
  constructor(
    private readonly studies: StudiesRepository,
    private readonly storage: PgHpoStorage,
    private readonly recorder: RunRecorder,
    private readonly models: RegisteredModelsService,
    private readonly versions: ModelVersionsService,
    private readonly nudges: StudyNudges,
  ) {}

  async finishIfDone(call: CallContext, studyId: string): Promise<void> {
    if (!(await this.studies.claimClosing(studyId))) return;
    try {
      await this.close(call, studyId);
    } finally {
      await this.studies.markFinished(studyId);
      this.nudges.send(studyId, 'state');
    }
  }

  private async close(call: CallContext, studyId: string): Promise<void> {
    const row = (await this.studies.find(studyId))!;
    const trials = await this.storage.getAllTrials(studyId);
    const best = bestTrial(row, trials);
    const parent = {
      runId: uuidToHex(row.parent_run_id ?? ''),
      experimentNum: String(row.experiment_num),
      call,
    };
    try {
      if (best) {
        await this.recorder.log(parent, {
          metrics: [{ key: `best_${row.spec.metric}`, value: best.values![0], step: 0 }],
          tags: [{ key: 'hydroml.best_trial', value: String(best.number) }],
        });
        await this.register(call, row, best.systemAttrs.run_id);
      }
      await this.recorder.end(parent, best ? 'FINISHED' : 'FAILED');
    } catch (error) {
      logger().error({ err: error, studyId }, 'could not close a study');
      const message = error instanceof Error ? error.message : String(error);
      await this.studies.setResult(studyId, { error: message });
    }
  }

  private async register(call: CallContext, row: StudyRow, runId: unknown): Promise<void> {
    const target = row.spec.request.registerBest;
    if (!target || typeof runId !== 'string') return;
    await this.models
      .create(call, { name: target.name, project_id: row.project_id })
      .catch((error: unknown) => {
        if (!(error instanceof DomainError && error.code === 'conflict')) throw error;
      });
    const version = await this.versions.create(call, {
      name: target.name,
      source: `runs:/${runId}/model`,
      run_id: runId,
    });
    const alias = target.alias ?? null;
    if (alias) await this.models.setAlias(call, target.name, alias, version.version);
    await this.studies.setResult(row.id, {
      registered: { name: target.name, version: version.version, alias },
    });
  }
}
