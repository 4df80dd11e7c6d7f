import type { ModuleParts } from '@hydroml/nest-kit';
import { SessionsController } from './sessions.controller.js';
import { SessionGridResolver } from './session-grid.resolver.js';
import { SessionsResolver } from './sessions.resolver.js';

/** The gateway's sessions routes: REST controllers, GraphQL resolvers and their services. */
export const sessionsParts: ModuleParts = {
  controllers: [SessionsController],
  providers: [SessionsResolver, SessionGridResolver],
};
