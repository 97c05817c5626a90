// GET /host/api/trash: the caller's trash, newest first.
import { listTrash } from '../domain/trash';
import { apiJson, filesApiHandler } from '../http/files-api';
import { filesJson } from '../http/files-api-json';
import { filesApiBase } from '../wiring/api-base';
import { fileStore, trashIndex } from '../wiring/dynamo';

const wire = async () => ({ ...(await filesApiBase()), files: fileStore(), trash: trashIndex() });

export const handler = filesApiHandler('ListTrash', wire, async (_req, ctx) =>
  apiJson(200, filesJson(await listTrash(ctx, ctx.user.userId), ctx.user.userId, ctx.now)),
);
