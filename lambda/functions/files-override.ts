// POST /wopi/files/{file_id}: every operation picked by X-WOPI-Override, in one function (API Gateway cannot
// route on headers), so it wires what any of them uses.
import { wopiHandler } from '../http/wopi-handler';
import {
  fileStore,
  folderStore,
  nameClaims,
  numberClaims,
  recoveryStore,
  trashIndex,
  usageStore,
  userInfoStore,
} from '../wiring/dynamo';
import { contentStore } from '../wiring/s3';
import { wopiBase } from '../wiring/wopi-base';
import { selectOverride } from '../wopi/files-override';

export const handler = wopiHandler(selectOverride, async () => ({
  ...(await wopiBase()),
  files: fileStore(),
  folders: folderStore(),
  contents: contentStore(),
  names: nameClaims(),
  recovery: recoveryStore(),
  userInfo: userInfoStore(),
  trash: trashIndex(),
  numbers: numberClaims(),
  usage: usageStore(),
}));
