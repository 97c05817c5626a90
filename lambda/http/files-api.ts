// The files API under /host/api/: JSON in and out, errors in one shape ({"error": {"code", "message"}}), and callers
// who authenticate with an API key or, when sign-in is configured, an OpenID Connect token. Each entry wires its stores
// and runs its domain call; this module holds what they share.
import type { OidcVerifier } from '../auth/oidc';
import type { Share } from '../domain/access';
import { BadRequestError, WopiError } from '../domain/errors';
import { type FolderRecord, rootFolderId } from '../domain/folder-record';
import { type FolderDeps, readableFolder, rootFolder } from '../domain/folders';
import type { AssociateDeps } from '../domain/numbers';
import { signedInUser, signUp } from '../domain/sign-in';
import { authenticate } from '../domain/users';
import { propertyOf } from '../json-object';
import { credentialsOf } from './api-credentials';
import { type ApiBase, type ApiContext, type ApiRequest, apiHandler, type Caller } from './api-handler';
import { filesApiStatus } from './error-response';
import { jsonObjectBody } from './json-body';
import type { ErrorStyle, Event } from './middleware';
import { checkedFileId } from './wopi-request';
import { json, type WopiResponse } from './wopi-response';

export interface FilesApiBase extends ApiBase {
  /** Undefined when no OpenID issuer is configured: then only API keys sign in. */
  readonly oidc: OidcVerifier | undefined;
}

export type FilesApiContext<Stores = unknown> = ApiContext<Stores & { readonly oidc: OidcVerifier | undefined }>;

/** The error's own name says what went wrong (NotFound, FileNameTaken, StorageFull...); anything else is ours. */
export const filesApiError: ErrorStyle = (response, reason, error) => {
  const status = filesApiStatus(error, response.status);
  return json(
    status,
    {
      error: { code: error instanceof WopiError ? error.name.replace(/Error$/, '') : 'InternalError', message: reason },
    },
    { 'Cache-Control': 'no-store', ...(status === 401 && { 'WWW-Authenticate': 'Bearer realm="wopi-host"' }) },
  );
};

// An API key starts with wopi_; anything else a Bearer carries is taken for a sign-in token.
const isApiKey = (key: string) => key.startsWith('wopi_');

async function caller(event: Event, deps: FilesApiBase, signUpDeps?: AssociateDeps): Promise<Caller> {
  const credentials = credentialsOf(event);
  const now = deps.clock.now();
  if (deps.oidc === undefined || credentials === undefined || isApiKey(credentials.key)) {
    return { user: await authenticate(deps.users, credentials, now), ceiling: 'write' };
  }
  const identity = await deps.oidc.verify(credentials.key);
  const user = signUpDeps ? await signUp(signUpDeps, identity) : await signedInUser(deps.users, identity);
  return { user, ceiling: 'write' };
}

/** A files API route: `run` answers with the caller known; every error takes the API's one shape. */
export function filesApiHandler<Stores>(
  name: string,
  wire: () => Promise<FilesApiBase & Stores>,
  run: (request: ApiRequest, context: FilesApiContext<Stores>) => Promise<WopiResponse>,
) {
  return apiHandler(name, filesApiError, wire, run, (event, deps) => caller(event, deps));
}

/** GET /host/api/me: the one route that signs a new OpenID user up (and so may create users). */
export function signUpHandler<Stores extends Pick<AssociateDeps, 'numbers'>>(
  name: string,
  wire: () => Promise<FilesApiBase & Stores>,
  run: (request: ApiRequest, context: FilesApiContext<Stores>) => Promise<WopiResponse>,
) {
  return apiHandler(name, filesApiError, wire, run, (event, deps) => caller(event, deps, deps));
}

/** A JSON answer the API's clients may not cache (it says who may do what, now). */
export function apiJson(status: number, value: unknown, headers: Record<string, string> = {}): WopiResponse {
  return json(status, value, { 'Cache-Control': 'no-store', ...headers });
}

/** The path's {file_id}, or 404. */
export function pathFileId(req: ApiRequest): string {
  return checkedFileId(req.pathId);
}

/** The path's {user_id}, or 400. */
export function pathUserId(req: ApiRequest): string {
  const userId = req.pathParameters.user_id;
  if (userId === undefined || userId === '') throw new BadRequestError('The path names no user');
  return userId;
}

/** The path's {folder_id}, or 400. */
export function pathFolderId(req: ApiRequest): string {
  const folderId = req.pathParameters.folder_id;
  if (folderId === undefined || !/^[A-Za-z0-9_-]{1,64}$/.test(folderId)) throw new BadRequestError('No such folder id');
  return folderId;
}

/**
 * The folder the path names, if the caller may see it (404 otherwise): "root" (or its id) is the caller's own root,
 * My documents, made the first time it is needed.
 */
export async function pathFolder(
  req: ApiRequest,
  deps: Pick<FolderDeps, 'folders' | 'now'>,
  userId: string,
): Promise<FolderRecord> {
  const requested = pathFolderId(req);
  return requested === 'root' || requested === rootFolderId(userId)
    ? rootFolder(deps, userId)
    : readableFolder(deps, requested, userId);
}

const SHARES: readonly string[] = ['view', 'edit', 'edit+delete'] satisfies Share[];

/** The body's {"share"}: view, edit or edit+delete. */
export function shareField(req: ApiRequest): Share {
  const share = required(jsonFields(req).string('share'), 'share');
  if (!SHARES.includes(share)) throw new BadRequestError('share must be view, edit or edit+delete');
  return share as Share;
}

/** The body's JSON object and a reader of its fields, each of the type asked for or 400 naming it. */
export function jsonFields(req: ApiRequest) {
  const body = jsonObjectBody(req.body);
  const field = (name: string) => propertyOf(body, name);
  return {
    body,
    string(name: string): string | undefined {
      const value = field(name);
      if (value === undefined || value === null) return undefined;
      if (typeof value !== 'string') throw new BadRequestError(`${name} must be a string`);
      return value;
    },
    number(name: string): number | undefined {
      const value = field(name);
      if (value === undefined || value === null) return undefined;
      if (typeof value !== 'number' || !Number.isFinite(value)) throw new BadRequestError(`${name} must be a number`);
      return value;
    },
  };
}

/** A field that must be there. */
export function required<T>(value: T | undefined, name: string): T {
  if (value === undefined) throw new BadRequestError(`${name} is required`);
  return value;
}
