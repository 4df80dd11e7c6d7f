import request from 'supertest';
import type { ProjectView } from '@hydroml/contracts';
import type { TestDatabase } from '@hydroml/testing';
import {
  mariaConnectionTo,
  mariaSource,
  pgConnectionTo,
  postgresSource,
  type MariaSource,
} from '../../services/connectors/test/source-databases.js';
import { signUp, type TestUser } from './client.js';
import { startStack, type Stack } from './stack.js';

export interface ConnectionsState {
  stack: Stack;
  /** A PostgreSQL source database (postgresSource: hydro.gauges). */
  source: TestDatabase;
  /** A MariaDB source database (mariaSource: stations) with a reading user. */
  maria: MariaSource;
  alice: TestUser;
}

/**
 * The connections e2e specs' shared setup: a stack, a PostgreSQL and a MariaDB source database
 * and a signed-up user, with calls that create a project and connections to the two sources.
 */
export function connectionsHarness() {
  const state = {} as ConnectionsState;
  const api = () => request(state.stack.baseUrl);

  /** Starts the stack (with `env`) and both sources together, then signs alice up. */
  async function start(env: Record<string, string> = {}): Promise<ConnectionsState> {
    [state.stack, state.source, state.maria] = await Promise.all([
      startStack(env),
      postgresSource(),
      mariaSource(),
    ]);
    state.alice = await signUp(state.stack.baseUrl);
    return { ...state };
  }

  async function close(): Promise<void> {
    await state.stack.close();
    await state.source.drop();
    await state.maria.drop();
  }

  /** A project of alice's, by id. */
  async function project(name: string): Promise<string> {
    const res = await api().post('/api/v1/projects').set(state.alice.auth).send({ name });
    return (res.body as ProjectView).id;
  }

  /** Alice's connection with `body`, by id. */
  async function connection(body: object): Promise<string> {
    const res = await api()
      .post('/api/v1/connections')
      .set(state.alice.auth)
      .send(body)
      .expect(201);
    return res.body.id as string;
  }

  /** Starts alice's import from a connection, by job id. */
  async function startImport(connectionId: string, body: object): Promise<string> {
    const res = await api()
      .post(`/api/v1/connections/${connectionId}/import`)
      .set(state.alice.auth)
      .send(body)
      .expect(202);
    return res.body.id as string;
  }

  const postgres = () => connection(pgConnectionTo(state.source));
  const mariadb = () => connection(mariaConnectionTo(state.maria));

  return { api, start, close, project, startImport, postgres, mariadb };
}
