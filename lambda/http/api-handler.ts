// Handlers for the check-out APIs (DocSpace and SuperOffice shapes): API-key authentication, JSON in and out.
import { BadRequestError, NotFoundError } from '../domain/errors';
import { authenticate, type User } from '../domain/users';
import { type Deps, getDeps } from '../wiring';
import { type ErrorStyle, type Event, nameOperation, observed } from './middleware';
import { calledUrl } from './wopi-request';
import type { WopiResponse } from './wopi-response';

export interface ApiRequest {
  readonly fileId: string;
  readonly query: Readonly<Record<string, string | undefined>>;
  readonly body: Buffer;
  /** Scheme, host and stage prefix the client called, for links to this host's other routes. */
  readonly baseUrl: string;
}

export interface ApiContext extends Deps {
  readonly user: User;
  readonly now: number;
}

/** Who is calling, or UnauthorizedError; every API route but the host page takes only an API key. */
export type Authenticator = (event: Event, deps: Deps) => Promise<User>;

const byApiKey: Authenticator = (event, deps) => authenticate(deps.users, event.headers?.authorization);

// The same id rule as WOPI routes: ids are minted by this host.
const fileIdPattern = /^[A-Za-z0-9_-]{1,128}$/;

export function apiHandler(
  name: string,
  style: ErrorStyle,
  run: (request: ApiRequest, context: ApiContext) => Promise<WopiResponse>,
  identify: Authenticator = byApiKey,
) {
  return observed(style, async (event) => {
    nameOperation(event, name);
    const deps = await getDeps();
    const user = await identify(event, deps);
    const fileId = event.pathParameters?.file_id ?? '';
    if (!fileIdPattern.test(fileId)) throw new NotFoundError('The file id in the path is not one this host issues');
    const body =
      event.body === undefined ? Buffer.alloc(0) : Buffer.from(event.body, event.isBase64Encoded ? 'base64' : 'utf8');
    const { baseUrl } = calledUrl(event, routeRoot(event.routeKey));
    const request = { fileId, query: event.queryStringParameters ?? {}, body, baseUrl };
    return run(request, { ...deps, user, now: deps.clock.now() });
  });
}

/** The JSON object a request body must be, or 400 saying why. */
export function jsonObjectBody(body: Buffer): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8'));
  } catch {
    throw new BadRequestError('The body is not valid JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new BadRequestError('The body must be a JSON object');
  }
  return value as Record<string, unknown>;
}

/** "/host/" of the route key "GET /host/files/{file_id}": where the path starts after any stage prefix. */
function routeRoot(routeKey: string): string {
  const [, path = ''] = routeKey.split(' ');
  return `/${path.split('/')[1] ?? ''}/`;
}
