// GET /wopi/files/{file_id}: CheckFileInfo. FileUrl is presigned with the S3 client, which sends nothing.
import { wopiHandler } from '../http/wopi-handler';
import { fileStore, folderStore } from '../wiring/dynamo';
import { contentStore } from '../wiring/s3';
import { wopiBase } from '../wiring/wopi-base';
import { checkFileInfo } from '../wopi/check-file-info';

export const handler = wopiHandler(
  () => checkFileInfo,
  async () => ({ ...(await wopiBase()), files: fileStore(), folders: folderStore(), contents: contentStore() }),
);
