// Calls on the Containers and Ecosystem endpoints of a test host, with tokens scoped as the host mints them, and
// the folders those calls need: a user's root and folders in it.
import { mintScopedToken, type Rights, type TokenScope } from '../../lambda/auth/access-token';
import type { FolderRecord } from '../../lambda/domain/folder-record';
import { createFolder, rootFolder } from '../../lambda/domain/folders';
import type { TestHost } from './wopi-host';

export interface ScopedCall {
  readonly method?: 'GET' | 'POST';
  /** After the endpoint's path: '/children', '/ancestry', '/ecosystem_pointer', '/root_container_pointer'. */
  readonly path?: string;
  readonly override?: string;
  readonly headers?: Record<string, string>;
  /** Defaults to a fresh write token of `userId` for the scope; null sends none. */
  readonly token?: string | null;
}

/** A token of `userId` for the container or the ecosystem, as GetEcosystem or a ContainerPointer hands one out. */
export async function scopedToken(host: TestHost, scope: TokenScope, userId: string, rights: Rights = 'write') {
  const grant = { userId, userName: `User ${userId}`, rights };
  return (
    await mintScopedToken(host.deps.tokenSecret, scope, grant, host.deps.config.tokenTtlSeconds, host.clock.now())
  ).token;
}

async function call(host: TestHost, base: string, scope: TokenScope, userId: string, init: ScopedCall) {
  const token = init.token === undefined ? await scopedToken(host, scope, userId) : init.token;
  const query = token === null ? '' : `?access_token=${encodeURIComponent(token)}`;
  const headers: Record<string, string> = { ...init.headers };
  if (init.override !== undefined) headers['X-WOPI-Override'] = init.override;
  return fetch(`${host.baseUrl}${base}${init.path ?? ''}${query}`, {
    method: init.method ?? (init.override === undefined ? 'GET' : 'POST'),
    headers,
  });
}

/** A call on /wopi/containers/{containerId}, by `userId`. */
export function containerCall(host: TestHost, containerId: string, userId: string, init: ScopedCall = {}) {
  const scope = { kind: 'container', id: containerId } as const;
  return call(host, `/wopi/containers/${encodeURIComponent(containerId)}`, scope, userId, init);
}

/** A call on /wopi/ecosystem, by `userId`. */
export function ecosystemCall(host: TestHost, userId: string, init: ScopedCall = {}) {
  return call(host, '/wopi/ecosystem', { kind: 'ecosystem' }, userId, init);
}

/** The user's root folder. */
export function rootOf(host: TestHost, userId: string): Promise<FolderRecord> {
  return rootFolder({ folders: host.deps.folders, now: host.clock.now() }, userId);
}

/** A folder named `name` in `parentId`, made by `userId` (who must be able to edit the parent). */
export function addFolder(host: TestHost, parentId: string, name: string, userId: string): Promise<FolderRecord> {
  const deps = { ...host.deps, now: host.clock.now(), userId };
  return createFolder(deps, parentId, { mode: 'exact', name });
}
