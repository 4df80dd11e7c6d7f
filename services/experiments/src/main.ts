import 'reflect-metadata';
import { loadEnv, startService } from '@hydroml/nest-kit';
import { AppModule } from './app.module.js';
import { ExperimentsEnv } from './training/experiments-env.js';

const env = loadEnv(ExperimentsEnv);
await startService('experiments', AppModule.forRoot(env), env);
