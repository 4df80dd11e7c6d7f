import { Injectable } from '@nestjs/common';
import {
  StudyContracts as S,
  TERMINAL_STUDY_STATUSES,
  studyEventsSubject,
  type CallContext,
  type StudyView,
} from '@hydroml/contracts';
import { NatsClient } from '@hydroml/nest-kit';
import { followLive } from '../http/live-stream.js';

/** `state`: the study when following began, or closed; `trial`: after one of its trials ended. */
export interface StudyEvent {
  type: 'state' | 'trial';
  study: StudyView;
  at: string;
}

/** A study's progress for SSE and GraphQL: it is read again at every nudge from its workers. */
@Injectable()
export class StudyEvents {
  constructor(private readonly nats: NatsClient) {}

  /** Checks access first: another tenant's study rejects (not_found) before any stream exists. */
  follow(id: string, call: CallContext): Promise<AsyncIterableIterator<StudyEvent>> {
    const read = async (type: StudyEvent['type']): Promise<StudyEvent> => {
      const study = await this.nats.request(S.get, { id }, { ...call, deadline: undefined });
      const closed = TERMINAL_STUDY_STATUSES.includes(study.status);
      return { type: closed ? 'state' : type, study, at: new Date().toISOString() };
    };
    return followLive<StudyEvent>(this.nats, {
      subject: studyEventsSubject(id),
      current: () => read('state'),
      // A nudge from before the first read adds nothing to it.
      next: (_msg, stale) => (stale ? Promise.resolve(null) : read('trial')),
      isFinal: (event) => TERMINAL_STUDY_STATUSES.includes(event.study.status),
    });
  }
}
