import { Injectable } from '@nestjs/common';
import { DomainError, type CallContext } from '@hydroml/contracts';
import { JobQueue } from '@hydroml/jobs';
import { logger } from '@hydroml/nest-kit';
import { uuidToHex } from '../tracking/domain/ids.js';
import { RunRecorder } from '../training/tracking/run-recorder.js';
import { StudiesRepository, type StudyRow } from './persistence/studies.repository.js';
import { StudyHpo } from './study-hpo.js';
import { StudyNudges } from './study-nudges.js';

/**
 * Stops a running study: no more trials are handed out, queued and running trial jobs are
 * cancelled, trials left RUNNING are marked FAIL with the reason, and their runs and the study's
 * parent run end KILLED. Completed trials and their runs stay.
 */
@Injectable()
export class StudyCanceller {
  constructor(
    private readonly studies: StudiesRepository,
    private readonly queue: JobQueue,
    private readonly hpo: StudyHpo,
    private readonly recorder: RunRecorder,
    private readonly nudges: StudyNudges,
  ) {}

  async cancel(call: CallContext, row: StudyRow): Promise<void> {
    const open = await this.studies.cancel(row.id);
    if (open === null) {
      throw new DomainError('failed_precondition', `study ${row.id} has already ended`);
    }
    for (const jobId of open) {
      await this.queue.cancel(jobId).catch((error: unknown) => {
        logger().warn({ err: error, jobId, studyId: row.id }, 'could not cancel a trial job');
      });
    }
    await this.failRunning(call, row);
    if (row.parent_run_id) {
      const parent = { runId: uuidToHex(row.parent_run_id), experimentNum: '', call };
      await this.recorder.end(parent, 'KILLED');
    }
    this.nudges.send(row.id, 'state');
  }

  private async failRunning(call: CallContext, row: StudyRow): Promise<void> {
    const hpo = await this.hpo.open(`study-${row.id}`, row.spec.request, 'cancel');
    for (const trial of await hpo.getTrials(['RUNNING'])) {
      const { runId } = await this.hpo.fail(hpo, trial, 'the study was cancelled');
      if (runId) await this.recorder.end({ runId, experimentNum: '', call }, 'KILLED');
    }
  }
}
