// GET /wopi/containers/{container_id}: CheckContainerInfo, from the folder's chain.
import { containerHandler } from '../http/wopi-handler';
import { folderStore } from '../wiring/dynamo';
import { wopiBase } from '../wiring/wopi-base';
import { checkContainerInfo } from '../wopi/check-container-info';

export const handler = containerHandler(
  () => checkContainerInfo,
  async () => ({ ...(await wopiBase()), folders: folderStore() }),
);
