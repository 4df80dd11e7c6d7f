import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { CallContext, JobView } from '@hydroml/contracts';
import { JobQueue } from '@hydroml/jobs';
import { requirePrincipal } from '@hydroml/nest-kit';
import { StudiesRepository, type StudyRow } from './persistence/studies.repository.js';
import { STUDY_TRIAL_JOB, type TrialJobPayload } from './study-payloads.js';

/** Hands out a study's budget one trial job at a time, so at most `parallelism` run at once. */
@Injectable()
export class StudyScheduler {
  constructor(
    private readonly studies: StudiesRepository,
    private readonly queue: JobQueue,
  ) {}

  /** Queues up to `count` trial jobs while budget and time remain. */
  async next(call: CallContext, study: Pick<StudyRow, 'id' | 'project_id'>, count = 1) {
    const jobs: JobView[] = [];
    for (let i = 0; i < count; i++) {
      const jobId = randomUUID();
      if (!(await this.studies.claimSlot(study.id, jobId))) break;
      const principal = requirePrincipal(call);
      const payload: TrialJobPayload = {
        studyId: study.id,
        principal,
        correlationId: call.correlationId,
      };
      jobs.push(
        await this.queue.enqueue(
          STUDY_TRIAL_JOB,
          { ...payload },
          {
            id: jobId,
            resource: { type: 'project', id: study.project_id },
            createdBy: principal.userId,
            maxAttempts: 5,
          },
        ),
      );
    }
    return jobs;
  }
}
