import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { MercuriusDriver, type MercuriusDriverConfig } from '@nestjs/mercurius';
import { PassportModule } from '@nestjs/passport';
import { mergeParts, NatsClient } from '@hydroml/nest-kit';
import { datasetsParts } from './datasets/datasets.parts.js';
import { gridParts } from './grid/grid.parts.js';
import { qualityParts } from './quality/quality.parts.js';
import { sessionsParts } from './sessions/sessions.parts.js';
import { trainingsParts } from './trainings/trainings.parts.js';
import { AccountController } from './account/account.controller.js';
import { ConnectionsController } from './connections/connections.controller.js';
import { AccountService } from './account/account.service.js';
import { AccountResolver } from './graphql/account.resolver.js';
import { TokensController } from './account/tokens.controller.js';
import { BearerAuthGuard } from './auth/bearer-auth.guard.js';
import { BearerStrategy } from './auth/bearer.strategy.js';
import { JwtKeysService } from './auth/jwt-keys.service.js';
import { ApiTokenVerifier } from './auth/api-token-verifier.service.js';
import { TokenVerifier } from './auth/token-verifier.service.js';
import { DataSourcesController } from './data-sources/data-sources.controller.js';
import { ProjectDataSourcesController } from './data-sources/project-data-sources.controller.js';
import { HttpErrorFilter } from './errors/http-error.filter.js';
import { ExperimentsController } from './experiments/experiments.controller.js';
import { ExperimentsResolver } from './experiments/experiments.resolver.js';
import { RegistryController } from './experiments/registry.controller.js';
import { RegistryResolver } from './experiments/registry.resolver.js';
import { GatewayEnv } from './gateway-env.js';
import { createLoaders } from './graphql/loaders.js';
import { MeResolver } from './graphql/me.resolver.js';
import { MembersResolver } from './graphql/members.resolver.js';
import { ProjectsResolver } from './graphql/projects.resolver.js';
import { HealthController } from './health/health.controller.js';
import { ReadinessService } from './health/readiness.service.js';
import type { GatewayRequest } from './http/request-of.js';
import { MembersController } from './members/members.controller.js';
import { MlflowExperimentsController } from './mlflow/mlflow-experiments.controller.js';
import { MlflowMetricsController } from './mlflow/mlflow-metrics.controller.js';
import { MlflowModelVersionsController } from './mlflow/mlflow-model-versions.controller.js';
import { MlflowRegisteredModelsController } from './mlflow/mlflow-registered-models.controller.js';
import { MlflowRunsController } from './mlflow/mlflow-runs.controller.js';
import { ArtifactFilesService } from './mlflow/artifact-files.service.js';
import {
  MlflowArtifactsController,
  MlflowRunArtifactsController,
} from './mlflow/mlflow-artifacts.controller.js';
import { GatewayInfraModule } from './nats/gateway-infra.module.js';
import { ProjectsController } from './projects/projects.controller.js';
import { blobStoreProvider } from './datasets/blob-store.provider.js';
import { UploadService } from './datasets/upload.service.js';
import { VersionsController } from './datasets/versions.controller.js';
import { ExportController } from './datasets/export.controller.js';
import { JobsClient } from './jobs/jobs.client.js';
import { JobsController } from './jobs/jobs.controller.js';
import { JobEvents } from './jobs/job-events.js';
import { JobsResolver } from './jobs/jobs.resolver.js';
import { RateLimitGuard } from './rate-limit/rate-limit.guard.js';
import { RateLimiter } from './rate-limit/rate-limiter.service.js';

/** The REST controllers of the platform foundation, datasets, connections and tracking. */
const CONTROLLERS = [
  HealthController,
  AccountController,
  TokensController,
  ProjectsController,
  MembersController,
  ProjectDataSourcesController,
  DataSourcesController,
  ConnectionsController,
  MlflowExperimentsController,
  MlflowRunsController,
  MlflowMetricsController,
  MlflowRegisteredModelsController,
  MlflowModelVersionsController,
  ExperimentsController,
  RegistryController,
  MlflowArtifactsController,
  MlflowRunArtifactsController,
  VersionsController,
  JobsController,
  ExportController,
];

function graphqlModule(): DynamicModule {
  return GraphQLModule.forRootAsync<MercuriusDriverConfig>({
    driver: MercuriusDriver,
    inject: [NatsClient],
    useFactory: (nats: NatsClient) => ({
      autoSchemaFile: true,
      path: '/graphql',
      graphiql: false,
      context: (req: GatewayRequest) => graphqlContext(nats, req),
      // WebSocket subscriptions: the connection_init payload's keys become the upgrade request's
      // headers (Authorization among them), so the bearer guard checks them as on any query.
      subscription: {
        context: (_socket: unknown, req: GatewayRequest) => graphqlContext(nats, req),
      },
    }),
  });
}

function graphqlContext(nats: NatsClient, req: GatewayRequest) {
  return {
    req,
    loaders: createLoaders(nats, () => ({
      correlationId: String(req.id),
      principal: req.user,
    })),
  };
}

@Module({})
export class AppModule {
  static forRoot(env: GatewayEnv): DynamicModule {
    const parts = mergeParts([
      gridParts,
      sessionsParts,
      qualityParts,
      trainingsParts,
      datasetsParts,
    ]);
    return {
      module: AppModule,
      imports: [GatewayInfraModule.forRoot(env), PassportModule, graphqlModule()],
      controllers: [...CONTROLLERS, ...parts.controllers],
      providers: [
        JwtKeysService,
        TokenVerifier,
        ApiTokenVerifier,
        BearerStrategy,
        RateLimiter,
        AccountService,
        AccountResolver,
        ReadinessService,
        ProjectsResolver,
        MembersResolver,
        MeResolver,
        ExperimentsResolver,
        RegistryResolver,
        ArtifactFilesService,
        blobStoreProvider,
        UploadService,
        JobsClient,
        JobEvents,
        JobsResolver,
        ...parts.providers,
        { provide: APP_GUARD, useClass: BearerAuthGuard },
        { provide: APP_GUARD, useClass: RateLimitGuard },
        { provide: APP_FILTER, useClass: HttpErrorFilter },
      ],
    };
  }
}
