import type { Provider } from '@nestjs/common';
import { ConnectorsEnv } from '../connectors-env.js';
import { SecretBox } from './secret-box.js';

export const secretBoxProvider: Provider = {
  provide: SecretBox,
  inject: [ConnectorsEnv],
  useFactory: (env: ConnectorsEnv) => new SecretBox(env.CONNECTOR_KEYS),
};
