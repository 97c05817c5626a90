// POST /wopi/files/{file_id}: API Gateway cannot route on headers, so X-WOPI-Override picks the operation.
import { BadRequestError, NotImplementedError } from './domain/errors';
import { getLock } from './get-lock';
import type { WopiOperation } from './http/operation';
import { wopiHandler } from './http/wopi-handler';
import type { WopiRequest } from './http/wopi-request';
import { lock } from './lock';
import { refreshLock } from './refresh-lock';
import { unlock } from './unlock';
import { unlockAndRelock } from './unlock-and-relock';

// A Map, so that "__proto__" or "constructor" are not keys.
const operations = new Map<string, (req: WopiRequest) => WopiOperation>([
  // Lock and UnlockAndRelock share LOCK; "hosts must differentiate ... based on the presence of X-WOPI-OldLock".
  ['LOCK', (req) => (req.headers['x-wopi-oldlock'] === undefined ? lock : unlockAndRelock)],
  ['GET_LOCK', () => getLock],
  ['REFRESH_LOCK', () => refreshLock],
  ['UNLOCK', () => unlock],
]);

export function selectOverride(req: WopiRequest): WopiOperation {
  const override = req.headers['x-wopi-override'];
  if (override === undefined || override === '') throw new BadRequestError('X-WOPI-Override is missing');
  const select = operations.get(override.trim().toUpperCase());
  if (select === undefined) throw new NotImplementedError(`X-WOPI-Override "${override}" is not supported`);
  return select(req);
}

export const handler = wopiHandler(selectOverride);
