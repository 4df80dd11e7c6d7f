import type { CallContext, JobView } from '@hydroml/contracts';
import { RemoteError, type NatsClient } from '@hydroml/nest-kit';
import { JobsClient } from './jobs.client.js';

type Answer = JobView | 'not_found' | 'unavailable';

/** A NATS client whose job owners answer as given, by subject prefix (service name). */
function clientWith(answers: Record<string, Answer>): JobsClient {
  const nats = {
    request: ({ subject }: { subject: string }) => {
      const answer = answers[subject.split('.')[0]] ?? 'not_found';
      if (typeof answer !== 'string') return Promise.resolve(answer);
      return Promise.reject(new RemoteError({ code: answer, message: answer }));
    },
  } as unknown as NatsClient;
  return new JobsClient(nats);
}

const call = {} as CallContext;
const job = { id: 'j1', status: 'running' } as JobView;

describe('JobsClient', () => {
  it('finds a job at its owner even when another owner is down', async () => {
    const client = clientWith({ connectors: 'unavailable', experiments: job });
    await expect(client.get('j1', call)).resolves.toBe(job);
  });

  it('answers not_found when every owner says so, and unavailable when one could not say', async () => {
    await expect(clientWith({}).get('j1', call)).rejects.toMatchObject({ code: 'not_found' });
    await expect(
      clientWith({ 'data-tools': 'unavailable' }).cancel('j1', call),
    ).rejects.toMatchObject({ code: 'unavailable' });
  });
});
