import 'reflect-metadata';
import { loadEnv, startService } from '@hydroml/nest-kit';
import { AppModule } from './app.module.js';
import { AuthEnv } from './auth-env.js';

const env = loadEnv(AuthEnv);
if (env.NODE_ENV === 'production' && !process.env.AUTH_KEY_ENCRYPTION_SECRET) {
  throw new Error('AUTH_KEY_ENCRYPTION_SECRET must be set in production');
}
await startService('auth', AppModule.forRoot(env), env);
