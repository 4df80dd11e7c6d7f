import 'reflect-metadata';
import { loadEnv, logger } from '@hydroml/nest-kit';
import { createGateway } from './bootstrap.js';
import { GatewayEnv } from './gateway-env.js';

const env = loadEnv(GatewayEnv);
const app = await createGateway(env);
await app.listen({ port: env.PORT, host: env.HOST });
logger().info({ port: env.PORT }, 'gateway is listening');
