// What every WOPI function needs besides its stores (http/operation.ts WopiBase).
import type { WopiBase } from '../http/operation';
import { discovery } from './discovery';
import { clock, config } from './runtime';
import { tokenSecret } from './token-secret';

export async function wopiBase(): Promise<WopiBase> {
  return { config: config(), clock: clock(), tokenSecret: await tokenSecret(), discovery: discovery() };
}
