// What every API function needs besides its stores (http/api-handler.ts ApiBase): the users, to authenticate.
import type { ApiBase, DocumentApiBase } from '../http/api-handler';
import { fileStore, folderStore, numberClaims, userStore } from './dynamo';
import { clock, config } from './runtime';

export async function apiBase(): Promise<ApiBase> {
  return { config: config(), clock: clock(), users: userStore() };
}

/** What every DocSpace and SuperOffice function needs: the files, addressed by id or document number. */
export async function documentApiBase(): Promise<DocumentApiBase> {
  return { ...(await apiBase()), files: fileStore(), folders: folderStore(), numbers: numberClaims() };
}
