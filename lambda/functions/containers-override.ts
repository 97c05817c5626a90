// POST /wopi/containers/{container_id}: every operation picked by X-WOPI-Override, in one function (API Gateway
// cannot route on headers), so it wires what any of them uses.
import { containerHandler } from '../http/wopi-handler';
import { fileStore, folderStore, nameClaims, numberClaims, recoveryStore, usageStore } from '../wiring/dynamo';
import { contentStore } from '../wiring/s3';
import { wopiBase } from '../wiring/wopi-base';
import { selectContainerOverride } from '../wopi/containers-override';

export const handler = containerHandler(selectContainerOverride, async () => ({
  ...(await wopiBase()),
  files: fileStore(),
  folders: folderStore(),
  contents: contentStore(),
  names: nameClaims(),
  recovery: recoveryStore(),
  numbers: numberClaims(),
  usage: usageStore(),
}));
