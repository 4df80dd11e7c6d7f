import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { SessionsRepository } from './persistence/sessions.repository.js';
import { SessionsEnv } from './sessions-env.js';

/** Deletes idle sessions now and then (every replica; the DELETE is idempotent). */
@Injectable()
export class SessionSweeper implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(SessionSweeper.name);
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly sessions: SessionsRepository,
    private readonly env: SessionsEnv,
  ) {}

  onModuleInit(): void {
    this.timer = setInterval(() => void this.sweep(), this.env.SESSION_SWEEP_SECONDS * 1000);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  async sweep(): Promise<number> {
    try {
      const removed = await this.sessions.sweep();
      if (removed > 0) this.logger.log({ removed }, 'idle sessions deleted');
      return removed;
    } catch (err) {
      this.logger.warn({ err }, 'sweeping idle sessions failed');
      return 0;
    }
  }
}
