// What every API function needs besides its stores (http/api-handler.ts ApiBase): the users, to authenticate.
import type { ApiBase } from '../http/api-handler';
import { userStore } from './dynamo';
import { clock, config } from './runtime';

export async function apiBase(): Promise<ApiBase> {
  return { config: config(), clock: clock(), users: userStore() };
}
