import 'reflect-metadata';
import { loadEnv, startService } from '@hydroml/nest-kit';
import { AppModule } from './app.module.js';
import { ConnectorsEnv } from './connectors-env.js';

const env = loadEnv(ConnectorsEnv);
if (env.NODE_ENV === 'production' && !process.env.CONNECTOR_KEYS) {
  throw new Error('CONNECTOR_KEYS must be set in production');
}
await startService('connectors', AppModule.forRoot(env), env);
