// PUT /host/api/files/{file_id}/shares/{user_id} with {"share": "view" | "edit" | "edit+delete"}: the owner shares the
// file with that user, from their next request on.
import type { Share } from '../domain/access';
import { BadRequestError } from '../domain/errors';
import { shareAsOwner } from '../domain/shares';
import { apiJson, filesApiHandler, jsonFields, pathFileId, pathUserId, required } from '../http/files-api';
import { fileJson } from '../http/files-api-json';
import { filesApiBase } from '../wiring/api-base';
import { fileStore, sharedWith } from '../wiring/dynamo';

const wire = async () => ({ ...(await filesApiBase()), files: fileStore(), sharedWith: sharedWith() });

const SHARES: readonly string[] = ['view', 'edit', 'edit+delete'] satisfies Share[];

export const handler = filesApiHandler('ShareFile', wire, async (req, ctx) => {
  const share = required(jsonFields(req).string('share'), 'share');
  if (!SHARES.includes(share)) throw new BadRequestError('share must be view, edit or edit+delete');
  const deps = { ...ctx, actor: ctx.user.userId };
  const record = await shareAsOwner(deps, pathFileId(req), pathUserId(req), share as Share);
  return apiJson(200, fileJson(record, ctx.user.userId, ctx.now));
});
