// GET /wopi/containers/{container_id}/children: EnumerateChildren, over the folder's name claims.
import { containerHandler } from '../http/wopi-handler';
import { fileStore, folderStore, nameClaims } from '../wiring/dynamo';
import { wopiBase } from '../wiring/wopi-base';
import { enumerateChildren } from '../wopi/enumerate-children';

export const handler = containerHandler(
  () => enumerateChildren,
  async () => ({ ...(await wopiBase()), files: fileStore(), folders: folderStore(), names: nameClaims() }),
);
