// Handlers for the check-out APIs (DocSpace and SuperOffice shapes) and the host page: authentication, JSON in
// and out. The entry wires the stores.
import type { Config } from '../config';
import type { Rights } from '../domain/access';
import type { Clock, FileStore, FolderStore, NumberClaims } from '../domain/ports';
import { authenticate, type User, type UserStore } from '../domain/users';
import { credentialsOf } from './api-credentials';
import { type ErrorStyle, type Event, nameOperation, nameUser, observed } from './middleware';
import { calledUrl, eventBody } from './wopi-request';
import type { WopiResponse } from './wopi-response';

export interface ApiRequest {
  /** The path's {file_id} (a file id or a document number) or {container_id}, as sent; undefined without one. */
  readonly pathId: string | undefined;
  /** Every {parameter} of the path, decoded. */
  readonly pathParameters: Readonly<Record<string, string | undefined>>;
  readonly method: string;
  readonly query: Readonly<Record<string, string | undefined>>;
  /** Lower-cased names. */
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly body: Buffer;
  /** Scheme, host and stage prefix the client called, for links to this host's other routes. */
  readonly baseUrl: string;
  /** The whole URL the client called, its query included. */
  readonly url: string;
}

/** What every API function needs besides its own stores: settings, time, and the users to authenticate. */
export interface ApiBase {
  readonly config: Config;
  readonly clock: Clock;
  readonly users: UserStore;
}

/** What the DocSpace and SuperOffice routes address documents with: the files, and the numbers that name them. */
export interface DocumentStores {
  readonly files: FileStore;
  readonly folders: FolderStore;
  readonly numbers: NumberClaims;
}

export type DocumentApiBase = ApiBase & DocumentStores;

/** Who is calling, and what their credential allows at most (a host-page link may be a view link). */
export interface Caller {
  readonly user: User;
  readonly ceiling: Rights;
  /** Epoch ms: nothing minted for this request may outlive it (a link made from an access token). */
  readonly notAfter?: number;
}

export type ApiContext<Stores = unknown> = ApiBase &
  Stores &
  Caller & {
    readonly now: number;
  };

/** Who is calling, or UnauthorizedError; every API route but the host page takes only an API key. */
export type Authenticator<Stores> = (event: Event, deps: ApiBase & Stores) => Promise<Caller>;

const byApiKey: Authenticator<unknown> = async (event, deps) => ({
  user: await authenticate(deps.users, credentialsOf(event), deps.clock.now()),
  ceiling: 'write',
});

export function apiHandler<Stores>(
  name: string,
  style: ErrorStyle,
  wire: () => Promise<ApiBase & Stores>,
  run: (request: ApiRequest, context: ApiContext<Stores>) => Promise<WopiResponse>,
  identify: Authenticator<Stores> = byApiKey,
) {
  return observed(style, async (event) => {
    nameOperation(event, name);
    const deps = await wire();
    const caller = await identify(event, deps);
    nameUser(event, caller.user.userId);
    return run(apiRequestOf(event), { ...deps, ...caller, now: deps.clock.now() });
  });
}

/** The parts of the event an API route reads; error styles read the same. */
export function apiRequestOf(event: Event): ApiRequest {
  const { baseUrl, path } = calledUrl(event, routeRoot(event.routeKey));
  const headers: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(event.headers ?? {})) headers[name.toLowerCase()] = value;
  return {
    pathId: event.pathParameters?.file_id ?? event.pathParameters?.container_id,
    pathParameters: event.pathParameters ?? {},
    method: event.requestContext.http.method,
    query: event.queryStringParameters ?? {},
    headers,
    body: eventBody(event),
    baseUrl,
    url: `${baseUrl}${path}${event.rawQueryString ? `?${event.rawQueryString}` : ''}`,
  };
}

/** "/host/" of the route key "GET /host/files/{file_id}": where the path starts after any stage prefix. */
function routeRoot(routeKey: string): string {
  const [, path = ''] = routeKey.split(' ');
  return `/${path.split('/')[1] ?? ''}/`;
}
