import { randomUUID } from 'node:crypto';
import type { INestMicroservice } from '@nestjs/common';
import type { CallContext } from '@hydroml/contracts';
import { loadEnv, startService, type NatsClient } from '@hydroml/nest-kit';
import { connectTestNats } from '@hydroml/testing';
import { AppModule } from '../src/app.module.js';
import { ConnectorsEnv } from '../src/connectors-env.js';

export interface RunningConnectors {
  app: INestMicroservice;
  /** A client on the service's subject prefix. */
  nats: NatsClient;
  /** Closes the client, then the service. */
  close(): Promise<void>;
}

/** The connectors service started on `vars` (e.g. from testEnvVars), with a NATS client. */
export async function startConnectors(vars: Record<string, string>): Promise<RunningConnectors> {
  const env = loadEnv(ConnectorsEnv, vars);
  const app = await startService('connectors', AppModule.forRoot(env), env);
  const nats = await connectTestNats(env.NATS_SUBJECT_PREFIX);
  return {
    app,
    nats,
    close: async () => {
      await nats.connection.close();
      await app.close();
    },
  };
}

/** A call from a fresh user, as the gateway sends it. */
export function caller(): CallContext {
  return {
    correlationId: 'int',
    principal: { userId: randomUUID(), username: 'u', scopes: ['read', 'write'], via: 'jwt' },
  };
}
