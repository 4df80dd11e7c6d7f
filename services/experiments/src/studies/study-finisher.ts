import { Injectable } from '@nestjs/common';
import type { CallContext } from '@hydroml/contracts';
import { logger } from '@hydroml/nest-kit';
import { uuidToHex } from '../tracking/domain/ids.js';
import { RunRecorder } from '../training/tracking/run-recorder.js';
import { PgHpoStorage } from './persistence/pg-hpo-storage.js';
import { StudiesRepository, type StudyRow } from './persistence/studies.repository.js';
import { StudyNudges } from './study-nudges.js';
import { StudyRegistrar } from './study-registrar.js';
import { bestTrial } from './study-view.js';

/** Closes a study once its budget is spent: best trial on the parent run, best model registered. */
@Injectable()
export class StudyFinisher {
  constructor(
    private readonly studies: StudiesRepository,
    private readonly storage: PgHpoStorage,
    private readonly recorder: RunRecorder,
    private readonly registrar: StudyRegistrar,
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

  /** The best trial's model when asked at creation (an external trial has none: the view says so). */
  private async register(call: CallContext, row: StudyRow, runId: unknown): Promise<void> {
    const target = row.spec.request.registerBest;
    if (!target || typeof runId !== 'string') return;
    await this.registrar.register(call, row, runId, target);
  }
}
