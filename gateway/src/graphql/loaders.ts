import DataLoader from 'dataloader';
import {
  ProjectsContracts,
  type CallContext,
  type DataSourceView,
  type MemberView,
} from '@hydroml/contracts';
import type { NatsClient } from '@hydroml/nest-kit';

export interface Loaders {
  members: DataLoader<string, MemberView[]>;
  dataSources: DataLoader<string, DataSourceView[]>;
}

/**
 * Per-request loaders: the members (and data sources) of all projects in one GraphQL response
 * are fetched with one NATS call each, whatever the number of projects.
 */
export function createLoaders(nats: NatsClient, call: () => CallContext): Loaders {
  return {
    members: new DataLoader(async (ids: readonly string[]) => {
      const byProject = await nats.request(ProjectsContracts.membersOf, { ids: [...ids] }, call());
      return ids.map((id) => byProject[id] ?? []);
    }),
    dataSources: new DataLoader(async (ids: readonly string[]) => {
      const byProject = await nats.request(
        ProjectsContracts.dataSourcesOf,
        { ids: [...ids] },
        call(),
      );
      return ids.map((id) => byProject[id] ?? []);
    }),
  };
}
