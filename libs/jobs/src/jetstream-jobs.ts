import {
  AckPolicy,
  jetstreamManager,
  RetentionPolicy,
  type JetStreamManager,
} from '@nats-io/jetstream';
import type { NatsClient } from '@hydroml/nest-kit';

export interface JobsTopology {
  stream: string;
  /** Subject of the jobs of one service and kind. */
  subject(service: string, kind: string): string;
  durable(service: string): string;
  /** Core-NATS subject telling a service's workers that a running job was cancelled. */
  cancels(service: string): string;
}

/** Stream and subjects, after the environment's prefix (so test runs never share a stream). */
export function jobsTopology(nats: NatsClient): JobsTopology {
  return {
    stream: nats.prefix ? `${nats.prefix}_JOBS` : 'JOBS',
    subject: (service, kind) => nats.subject(`jobs.${service}.${kind}`),
    durable: (service) => `jobs_${service.replace(/[^A-Za-z0-9_-]/g, '_')}`,
    cancels: (service) => nats.subject(`job-cancels.${service}`),
  };
}

/** The work-queue stream `JOBS`: a message lives until a worker acks or terminates it. */
export async function ensureJobsStream(nats: NatsClient): Promise<JetStreamManager> {
  const jsm = await jetstreamManager(nats.connection);
  const { stream } = jobsTopology(nats);
  const exists = await jsm.streams.info(stream).catch(() => null);
  if (!exists) {
    await jsm.streams
      .add({
        name: stream,
        subjects: [nats.subject('jobs.>')],
        retention: RetentionPolicy.Workqueue,
        duplicate_window: 120_000_000_000,
      })
      .catch(async (error: unknown) => {
        // Another process may have created it in the meantime.
        if (!(await jsm.streams.info(stream).catch(() => null))) throw error;
      });
  }
  return jsm;
}

export interface ConsumerSettings {
  service: string;
  ackWaitMs: number;
  maxDeliver: number;
}

/** The service's durable pull consumer; replicas bind to the same one and share the work. */
export async function ensureJobsConsumer(
  nats: NatsClient,
  settings: ConsumerSettings,
): Promise<string> {
  const jsm = await ensureJobsStream(nats);
  const topology = jobsTopology(nats);
  const durable = topology.durable(settings.service);
  const config = {
    durable_name: durable,
    filter_subject: topology.subject(settings.service, '>'),
    ack_policy: AckPolicy.Explicit,
    ack_wait: settings.ackWaitMs * 1_000_000,
    max_deliver: settings.maxDeliver,
    max_ack_pending: 1000,
  };
  const exists = await jsm.consumers.info(topology.stream, durable).catch(() => null);
  if (exists) await jsm.consumers.update(topology.stream, durable, config);
  else
    await jsm.consumers.add(topology.stream, config).catch(async (error: unknown) => {
      if (!(await jsm.consumers.info(topology.stream, durable).catch(() => null))) throw error;
    });
  return durable;
}
