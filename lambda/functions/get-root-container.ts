// GET /wopi/ecosystem/root_container_pointer: GetRootContainer, the user's root folder.
import { ecosystemHandler } from '../http/wopi-handler';
import { folderStore } from '../wiring/dynamo';
import { wopiBase } from '../wiring/wopi-base';
import { getRootContainer } from '../wopi/get-root-container';

export const handler = ecosystemHandler(
  () => getRootContainer,
  async () => ({ ...(await wopiBase()), folders: folderStore() }),
);
