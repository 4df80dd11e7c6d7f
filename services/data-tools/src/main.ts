import 'reflect-metadata';
import { loadEnv, startService } from '@hydroml/nest-kit';
import { AppModule } from './app.module.js';
import { DataToolsEnv } from './data-tools-env.js';

const env = loadEnv(DataToolsEnv);
await startService('data-tools', AppModule.forRoot(env), env);
