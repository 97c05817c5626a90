// POST /wopi/files/{file_id}/contents: PutFile.
import { wopiHandler } from '../http/wopi-handler';
import { fileStore, folderStore, recoveryStore, usageStore } from '../wiring/dynamo';
import { contentStore } from '../wiring/s3';
import { wopiBase } from '../wiring/wopi-base';
import { putFile } from '../wopi/put-file';

export const handler = wopiHandler(
  () => putFile,
  async () => ({
    ...(await wopiBase()),
    files: fileStore(),
    folders: folderStore(),
    contents: contentStore(),
    recovery: recoveryStore(),
    usage: usageStore(),
  }),
);
