// GET /wopi/containers/{container_id}/ecosystem_pointer: GetEcosystem of a container.
import { containerHandler } from '../http/wopi-handler';
import { folderStore } from '../wiring/dynamo';
import { wopiBase } from '../wiring/wopi-base';
import { getContainerEcosystem } from '../wopi/get-ecosystem';

export const handler = containerHandler(
  () => getContainerEcosystem,
  async () => ({ ...(await wopiBase()), folders: folderStore() }),
);
