// GET /host/api/files: the caller's own files, or with ?shared=true those others shared with them.

import { BadRequestError } from '../domain/errors';
import { filesSharedWith, ownFiles } from '../domain/file-listing';
import { apiJson, filesApiHandler } from '../http/files-api';
import { filesJson } from '../http/files-api-json';
import { filesApiBase } from '../wiring/api-base';
import { fileStore, nameClaims, sharedWith } from '../wiring/dynamo';

const wire = async () => ({
  ...(await filesApiBase()),
  files: fileStore(),
  names: nameClaims(),
  sharedWith: sharedWith(),
});

export const handler = filesApiHandler('ListFiles', wire, async (req, ctx) => {
  const shared = req.query.shared ?? 'false';
  if (shared !== 'true' && shared !== 'false') throw new BadRequestError('shared must be true or false');
  const records =
    shared === 'true' ? await filesSharedWith(ctx, ctx.user.userId) : await ownFiles(ctx, ctx.user.userId);
  return apiJson(200, filesJson(records, ctx.user.userId, ctx.now));
});
