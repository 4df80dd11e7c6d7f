import type { ModuleParts } from '@hydroml/nest-kit';
import { loadEnv } from '@hydroml/nest-kit';
import { Sessions1764300000300 } from '../migrations/1764300000300-sessions.js';
import { VersionWriter } from '../versions/version-writer.js';
import { SessionEntity } from './persistence/session.entity.js';
import { SessionsRepository } from './persistence/sessions.repository.js';
import { SessionCompiler } from './session-compiler.js';
import { SessionHeads } from './session-heads.js';
import { SessionEdits } from './session-edits.service.js';
import { SessionSaveJob } from './session-save.job.js';
import { SessionSaves } from './session-saves.service.js';
import { SessionSweeper } from './session-sweeper.js';
import { SessionsHandler } from './sessions.handler.js';
import { SessionsService } from './sessions.service.js';
import { SessionsEnv } from './sessions-env.js';

/** The sessions area of data-tools: its handlers, providers, entities and migrations. */
export const sessionsParts: ModuleParts = {
  controllers: [SessionsHandler],
  providers: [
    { provide: SessionsEnv, useFactory: () => loadEnv(SessionsEnv) },
    SessionsRepository,
    SessionCompiler,
    SessionHeads,
    VersionWriter,
    SessionEdits,
    SessionsService,
    SessionSaves,
    SessionSaveJob,
    SessionSweeper,
  ],
  entities: [SessionEntity],
  migrations: [Sessions1764300000300],
};
