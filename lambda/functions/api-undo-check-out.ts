// DELETE /host/api/files/{file_id}/checkout: undoes a check-out (its holder, or the file's owner).
import { undoCheckOut } from '../domain/check-out';
import { apiJson, filesApiHandler, pathFileId } from '../http/files-api';
import { fileJson } from '../http/files-api-json';
import { filesApiBase } from '../wiring/api-base';
import { fileStore, folderStore } from '../wiring/dynamo';

const wire = async () => ({ ...(await filesApiBase()), files: fileStore(), folders: folderStore() });

export const handler = filesApiHandler('UndoCheckOut', wire, async (req, ctx) =>
  apiJson(200, fileJson(await undoCheckOut(ctx, pathFileId(req), ctx.user), ctx.user.userId, ctx.now)),
);
