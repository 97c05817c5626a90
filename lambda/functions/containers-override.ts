// POST /wopi/containers/{container_id}: every operation picked by X-WOPI-Override, in one function (API Gateway
// cannot route on headers), so it wires what any of them uses.
import { containerHandler } from '../http/wopi-handler';
import { newFileStores } from '../wiring/new-file-stores';
import { wopiBase } from '../wiring/wopi-base';
import { selectContainerOverride } from '../wopi/containers-override';

export const handler = containerHandler(selectContainerOverride, async () => ({
  ...(await wopiBase()),
  ...newFileStores(),
}));
