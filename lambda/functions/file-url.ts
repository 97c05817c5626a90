// GET /download/files/{file_id}?link=: CheckFileInfo's FileUrl, the file's current bytes. Not a WOPI request: a
// client fetches FileUrl exactly as given, with no access token and no proof (WOPI docs), so the link is the
// credential (auth/file-url-link.ts), the user's role is read from the file as GetFile reads it, and errors are
// answered as WOPI's.
import { verifyFileUrlLink } from '../auth/file-url-link';
import { nameOperation, nameUser, observed } from '../http/middleware';
import { checkedFileId } from '../http/wopi-request';
import { fileStore, folderStore } from '../wiring/dynamo';
import { contentStore } from '../wiring/s3';
import { wopiBase } from '../wiring/wopi-base';
import { downloadAnswer } from '../wopi/get-file';

export const handler = observed(
  (response) => response,
  async (event) => {
    nameOperation(event, 'FileUrl');
    const deps = { ...(await wopiBase()), files: fileStore(), folders: folderStore(), contents: contentStore() };
    const fileId = checkedFileId(event.pathParameters?.file_id);
    const link = event.queryStringParameters?.link;
    const { userId } = await verifyFileUrlLink(deps.tokenSecret, link, fileId, deps.clock.now());
    nameUser(event, userId);
    return downloadAnswer(deps, fileId, userId, undefined);
  },
);
