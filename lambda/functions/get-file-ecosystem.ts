// GET /wopi/files/{file_id}/ecosystem_pointer: GetEcosystem of a file.
import { wopiHandler } from '../http/wopi-handler';
import { fileStore, folderStore } from '../wiring/dynamo';
import { wopiBase } from '../wiring/wopi-base';
import { getFileEcosystem } from '../wopi/get-ecosystem';

export const handler = wopiHandler(
  () => getFileEcosystem,
  async () => ({ ...(await wopiBase()), files: fileStore(), folders: folderStore() }),
);
