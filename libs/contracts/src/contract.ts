/** A constructor of a request DTO class (validated with class-validator on both sides). */
export type DtoClass<T> = new () => T;

/**
 * A request/reply subject tied to its request DTO and response type, so that the client is
 * generic and typed: `client.request(AuthContracts.login, dto, ctx)` returns `Promise<TokenPair>`.
 */
export interface Contract<Req extends object, Res> {
  readonly subject: string;
  readonly request: DtoClass<Req>;
  /** Phantom field: carries the response type, never set at run time. */
  readonly response?: Res;
}

export function contract<Req extends object, Res>(
  subject: string,
  request: DtoClass<Req>,
): Contract<Req, Res> {
  return { subject, request };
}

export type RequestOf<C> = C extends Contract<infer Req, unknown> ? Req : never;
export type ResponseOf<C> = C extends Contract<object, infer Res> ? Res : never;

/** An event subject `<service>.<aggregate>.<past-tense>.v<n>` and its payload type. */
export interface EventDef<P> {
  readonly subject: string;
  readonly payload?: P;
}

export function event<P>(subject: string): EventDef<P> {
  return { subject };
}

/** An empty request body (for subjects that only need the call context). */
export class EmptyDto {}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface Ok {
  ok: true;
}
