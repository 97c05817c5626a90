// GET /wopi/files/{file_id}/contents: GetFile.
import { wopiHandler } from '../http/wopi-handler';
import { fileStore, folderStore } from '../wiring/dynamo';
import { contentStore } from '../wiring/s3';
import { wopiBase } from '../wiring/wopi-base';
import { getFile } from '../wopi/get-file';

export const handler = wopiHandler(
  () => getFile,
  async () => ({ ...(await wopiBase()), files: fileStore(), folders: folderStore(), contents: contentStore() }),
);
