// POST /wopi/ecosystem: GetFileWopiSrc and GetRootContainer's shortcut, picked by X-WOPI-Override.
import { ecosystemHandler } from '../http/wopi-handler';
import { fileStore, folderStore } from '../wiring/dynamo';
import { wopiBase } from '../wiring/wopi-base';
import { selectEcosystemOverride } from '../wopi/ecosystem-override';

export const handler = ecosystemHandler(selectEcosystemOverride, async () => ({
  ...(await wopiBase()),
  files: fileStore(),
  folders: folderStore(),
}));
