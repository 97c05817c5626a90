// POST /host/api/files/{file_id}/checkout: the caller reserves the file for their own editing (DocSpace's lock,
// SuperOffice's check-out): everyone else's editors open it read-only until it is undone.
import { checkOut } from '../domain/check-out';
import { apiJson, filesApiHandler, pathFileId } from '../http/files-api';
import { fileJson } from '../http/files-api-json';
import { filesApiBase } from '../wiring/api-base';
import { fileStore, folderStore } from '../wiring/dynamo';

const wire = async () => ({ ...(await filesApiBase()), files: fileStore(), folders: folderStore() });

export const handler = filesApiHandler('CheckOut', wire, async (req, ctx) =>
  apiJson(200, fileJson(await checkOut(ctx, pathFileId(req), ctx.user), ctx.user.userId, ctx.now)),
);
