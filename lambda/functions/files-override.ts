// POST /wopi/files/{file_id}: every operation picked by X-WOPI-Override, in one function (API Gateway cannot
// route on headers), so it wires what any of them uses.
import { wopiHandler } from '../http/wopi-handler';
import { trashIndex, userInfoStore } from '../wiring/dynamo';
import { newFileStores } from '../wiring/new-file-stores';
import { wopiBase } from '../wiring/wopi-base';
import { selectOverride } from '../wopi/files-override';

export const handler = wopiHandler(selectOverride, async () => ({
  ...(await wopiBase()),
  ...newFileStores(),
  userInfo: userInfoStore(),
  trash: trashIndex(),
}));
