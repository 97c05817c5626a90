// What every API function needs besides its stores (http/api-handler.ts ApiBase): the users, to authenticate.
import type { ApiBase, DocumentApiBase } from '../http/api-handler';
import type { FilesApiBase } from '../http/files-api';
import { fileStore, folderStore, numberClaims, userStore } from './dynamo';
import { oidcVerifier } from './oidc';
import { clock, config } from './runtime';

export async function apiBase(): Promise<ApiBase> {
  return { config: config(), clock: clock(), users: userStore() };
}

/** What every DocSpace and SuperOffice function needs: the files, addressed by id or document number. */
export async function documentApiBase(): Promise<DocumentApiBase> {
  return { ...(await apiBase()), files: fileStore(), folders: folderStore(), numbers: numberClaims() };
}

/** What every files API function needs: the users, and the OpenID issuer's keys when sign-in is configured. */
export async function filesApiBase(): Promise<FilesApiBase> {
  return { ...(await apiBase()), oidc: oidcVerifier() };
}
