import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import type { TestUser } from './client.js';

export interface SubscriptionResult<T> {
  values: T[];
  errors: Array<{ message: string; extensions?: { code?: string } }>;
}

/**
 * Runs one GraphQL subscription over WebSocket (graphql-transport-ws) to its end and resolves
 * with the values of its `field` and any errors; `user` null connects without a token.
 */
export function subscribeToEnd<T>(
  baseUrl: string,
  user: TestUser | null,
  query: string,
  variables: Record<string, unknown>,
  field: string,
): Promise<SubscriptionResult<T>> {
  const client = createClient({
    url: `${baseUrl.replace('http', 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: user ? { authorization: user.auth.Authorization } : {},
    retryAttempts: 0,
  });
  const values: T[] = [];
  const done = new Promise<SubscriptionResult<T>>((resolve, reject) => {
    client.subscribe<Record<string, T>>(
      { query, variables },
      {
        next: (message) => {
          const value = message.data?.[field];
          if (value) values.push(value);
          if (message.errors) resolve({ values, errors: [...message.errors] });
        },
        error: (error) => {
          if (Array.isArray(error)) resolve({ values, errors: error });
          else reject(error instanceof Error ? error : new Error(String(error)));
        },
        complete: () => resolve({ values, errors: [] }),
      },
    );
  });
  return done.finally(() => client.dispose());
}
