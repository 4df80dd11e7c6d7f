import { Injectable } from '@nestjs/common';
import { studyEventsSubject, type StudyNudge } from '@hydroml/contracts';
import { NatsClient } from '@hydroml/nest-kit';

/** Tells live followers of a study (SSE, GraphQL subscriptions) to read it again. */
@Injectable()
export class StudyNudges {
  constructor(private readonly nats: NatsClient) {}

  send(studyId: string, reason: StudyNudge['reason']): void {
    const nudge: StudyNudge = { studyId, reason, at: new Date().toISOString() };
    this.nats.connection.publish(
      this.nats.subject(studyEventsSubject(studyId)),
      JSON.stringify(nudge),
    );
  }
}
