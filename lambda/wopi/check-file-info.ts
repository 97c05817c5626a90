// WOPI CheckFileInfo: GET /wopi/files/{file_id}.
import { mintFileUrlLink } from '../auth/file-url-link';
import { readable } from '../domain/access';
import { checkFileInfo as fileInfo } from '../domain/file-info';
import { effectiveRecord } from '../domain/folders';
import type { Stores } from '../domain/ports';
import { hostPageUrls } from '../http/host-page-url';
import type { WopiOperation } from '../http/operation';
import { json } from '../http/wopi-response';

export const checkFileInfo: WopiOperation<Pick<Stores, 'files' | 'folders'>> = {
  name: 'CheckFileInfo',
  needs: 'read',
  run: async (req, ctx) => {
    const { grant } = ctx;
    const found = await ctx.files.getForUser(req.fileId, grant.userId);
    const seen = found.record && (await effectiveRecord(ctx.folders, found.record, grant.userId));
    const record = readable(seen, req.fileId, grant.userId);
    const { userInfo } = found;
    const { offerFileUrl, downloadUrlTtlSeconds } = ctx.config;
    const publicUrl = ctx.config.publicUrl ?? req.baseUrl;
    // A link to the file, not to its content of now: the client may fetch it after a save and must get that save.
    const fileUrl = offerFileUrl
      ? `${publicUrl}/download/files/${record.fileId}?link=${await mintFileUrlLink(
          ctx.tokenSecret,
          { fileId: record.fileId, userId: grant.userId },
          downloadUrlTtlSeconds,
          ctx.now,
          grant.expiresAt,
        )}`
      : undefined;
    const viewer = { userId: grant.userId, userName: grant.userName, ceiling: grant.rights, userInfo };
    // Collabora and Office post messages only to PostMessageOrigin: the host page's origin, unless configured.
    const extra = {
      PostMessageOrigin: new URL(publicUrl).origin,
      ...(await hostPageUrls(ctx, req.baseUrl, record)),
      ...ctx.config.checkFileInfoExtra,
    };
    return json(200, fileInfo(record, viewer, { fileUrl, extra }));
  },
};
