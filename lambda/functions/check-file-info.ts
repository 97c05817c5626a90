// GET /wopi/files/{file_id}: CheckFileInfo.
import { wopiHandler } from '../http/wopi-handler';
import { fileStore, folderStore } from '../wiring/dynamo';
import { wopiBase } from '../wiring/wopi-base';
import { checkFileInfo } from '../wopi/check-file-info';

export const handler = wopiHandler(
  () => checkFileInfo,
  async () => ({ ...(await wopiBase()), files: fileStore(), folders: folderStore() }),
);
