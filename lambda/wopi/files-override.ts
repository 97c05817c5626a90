// POST /wopi/files/{file_id}: API Gateway cannot route on headers, so X-WOPI-Override picks the operation.

import { BadRequestError, NotImplementedError } from '../domain/errors';
import type { Stores } from '../domain/ports';
import type { WopiOperation } from '../http/operation';
import type { WopiRequest } from '../http/wopi-request';
import { addActivities } from './add-activities';
import { deleteFile } from './delete-file';
import { getLock } from './get-lock';
import { getShareUrl } from './get-share-url';
import { lock } from './lock';
import { putRelativeFile } from './put-relative-file';
import { putUserInfo } from './put-user-info';
import { refreshLock } from './refresh-lock';
import { renameFile } from './rename-file';
import { unlock } from './unlock';
import { unlockAndRelock } from './unlock-and-relock';

/** The stores the overrides use between them: the files-override function wires all of them. */
export type OverrideStores = Pick<
  Stores,
  'files' | 'folders' | 'contents' | 'names' | 'recovery' | 'userInfo' | 'trash' | 'usage'
>;

// A Map, so that "__proto__" or "constructor" are not keys.
const operations = new Map<string, (req: WopiRequest) => WopiOperation<OverrideStores>>([
  // Lock and UnlockAndRelock share LOCK; "hosts must differentiate ... based on the presence of X-WOPI-OldLock".
  ['LOCK', (req) => (req.headers['x-wopi-oldlock'] === undefined ? lock : unlockAndRelock)],
  ['GET_LOCK', () => getLock],
  ['REFRESH_LOCK', () => refreshLock],
  ['UNLOCK', () => unlock],
  ['PUT_RELATIVE', () => putRelativeFile],
  ['RENAME_FILE', () => renameFile],
  ['DELETE', () => deleteFile],
  ['PUT_USER_INFO', () => putUserInfo],
  ['GET_SHARE_URL', () => getShareUrl],
  ['ADD_ACTIVITIES', () => addActivities],
]);

export function selectOverride(req: WopiRequest): WopiOperation<OverrideStores> {
  const override = req.headers['x-wopi-override'];
  if (override === undefined || override === '') throw new BadRequestError('X-WOPI-Override is missing');
  const select = operations.get(override.trim().toUpperCase());
  if (select === undefined) throw new NotImplementedError(`X-WOPI-Override "${override}" is not supported`);
  return select(req);
}
