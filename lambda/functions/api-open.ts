// POST /host/api/files/{file_id}/open with {"action": "edit" | "view"}: what an application needs to embed the editor
// in its own page (the WOPI docs' host page: POST access_token and access_token_ttl to actionUrl in a frame), and a
// link to this host's own page that does so.
import { mintHostLink } from '../auth/host-link';
import { rightsOf } from '../domain/access';
import { visibleFile } from '../domain/check-out';
import { BadRequestError, ForbiddenError } from '../domain/errors';
import { launchInClient } from '../http/client-launch';
import { apiJson, filesApiHandler, jsonFields, pathFileId } from '../http/files-api';
import { filesApiBase } from '../wiring/api-base';
import { discovery } from '../wiring/discovery';
import { fileStore, folderStore } from '../wiring/dynamo';
import { tokenSecret } from '../wiring/token-secret';

const wire = async () => ({
  ...(await filesApiBase()),
  files: fileStore(),
  folders: folderStore(),
  tokenSecret: await tokenSecret(),
  discovery: discovery(),
});

export const handler = filesApiHandler('OpenFile', wire, async (req, ctx) => {
  const action = jsonFields(req).string('action') ?? 'edit';
  if (action !== 'edit' && action !== 'view') throw new BadRequestError('action must be edit or view');
  const record = await visibleFile(ctx, pathFileId(req), ctx.user);
  const wanted = action === 'edit' ? 'write' : 'read';
  if (wanted === 'write' && rightsOf(record, ctx.user.userId) !== 'write') {
    throw new ForbiddenError(`${ctx.user.displayName} may only view ${record.name}`);
  }
  const launch = await launchInClient(ctx, req.baseUrl, record, wanted);
  // The host page's link, not the token, goes in its URL: it lasts minutes and the page POSTs the token on.
  const grant = {
    fileId: record.fileId,
    userId: ctx.user.userId,
    rights: wanted,
    notAfter: launch.accessTokenTtl,
  } as const;
  const { link } = await mintHostLink(ctx.tokenSecret, grant, ctx.now);
  const hostPageUrl = `${ctx.config.publicUrl ?? req.baseUrl}/host/files/${record.fileId}?link=${link}`;
  return apiJson(200, { ...launch, hostPageUrl });
});
