// GET /wopi/containers/{container_id}/ancestry: EnumerateAncestors of a container.
import { containerHandler } from '../http/wopi-handler';
import { fileStore, folderStore } from '../wiring/dynamo';
import { wopiBase } from '../wiring/wopi-base';
import { enumerateContainerAncestors } from '../wopi/enumerate-ancestors';

export const handler = containerHandler(
  () => enumerateContainerAncestors,
  async () => ({ ...(await wopiBase()), files: fileStore(), folders: folderStore() }),
);
