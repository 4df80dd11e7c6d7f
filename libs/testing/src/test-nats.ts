import { connect } from '@nats-io/transport-node';
import { NatsClient } from '@hydroml/nest-kit';

/** A contract client on the test's subject prefix, to call services directly. */
export async function connectTestNats(
  prefix: string,
  url = 'nats://127.0.0.1:4222',
): Promise<NatsClient> {
  return new NatsClient(await connect({ servers: url, name: 'test-client' }), prefix, 5000);
}
