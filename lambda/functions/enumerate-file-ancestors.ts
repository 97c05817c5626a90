// GET /wopi/files/{file_id}/ancestry: EnumerateAncestors of a file.
import { wopiHandler } from '../http/wopi-handler';
import { fileStore, folderStore } from '../wiring/dynamo';
import { wopiBase } from '../wiring/wopi-base';
import { enumerateFileAncestors } from '../wopi/enumerate-ancestors';

export const handler = wopiHandler(
  () => enumerateFileAncestors,
  async () => ({ ...(await wopiBase()), files: fileStore(), folders: folderStore() }),
);
