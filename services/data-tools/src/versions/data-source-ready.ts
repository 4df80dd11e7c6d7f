import { Injectable } from '@nestjs/common';
import { ProjectsContracts } from '@hydroml/contracts';
import { logger, NatsClient } from '@hydroml/nest-kit';

/**
 * A committed version makes its data source ready: projects is told (request/reply) before the
 * job that made the version reports success, so a client never reads the job done and the data
 * source still processing. Best effort: when projects cannot be reached, the status still follows
 * the job's end through the lifecycle event, only later.
 */
@Injectable()
export class DataSourceReady {
  constructor(private readonly nats: NatsClient) {}

  async mark(dataSourceId: string, jobId: string): Promise<void> {
    await this.nats
      .request(
        ProjectsContracts.markDataSourceReady,
        { id: dataSourceId },
        { correlationId: jobId },
      )
      .catch((error: unknown) =>
        logger().warn({ err: error, dataSourceId, jobId }, 'could not mark the data source ready'),
      );
  }
}
