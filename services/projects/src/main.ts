import 'reflect-metadata';
import { BaseEnv, loadEnv, startService } from '@hydroml/nest-kit';
import { AppModule } from './app.module.js';

const env = loadEnv(BaseEnv);
await startService('projects', AppModule.forRoot(env), env);
