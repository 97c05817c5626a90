// WOPI CheckFileInfo: GET /wopi/files/{file_id}.
import { readable } from '../domain/access';
import { checkFileInfo as fileInfo } from '../domain/file-info';
import { effectiveRecord } from '../domain/folders';
import type { Stores } from '../domain/ports';
import { hostPageUrls } from '../http/host-page-url';
import type { WopiOperation } from '../http/operation';
import { json } from '../http/wopi-response';

export const checkFileInfo: WopiOperation<Pick<Stores, 'files' | 'folders' | 'contents'>> = {
  name: 'CheckFileInfo',
  needs: 'read',
  run: async (req, ctx) => {
    const { grant } = ctx;
    const found = await ctx.files.getForUser(req.fileId, grant.userId);
    const seen = found.record && (await effectiveRecord(ctx.folders, found.record, grant.userId));
    const record = readable(seen, req.fileId, grant.userId);
    const { userInfo } = found;
    const { offerFileUrl, downloadUrlTtlSeconds } = ctx.config;
    const fileUrl = offerFileUrl
      ? await ctx.contents.downloadUrl(record.content.contentKey, downloadUrlTtlSeconds)
      : undefined;
    const viewer = { userId: grant.userId, userName: grant.userName, ceiling: grant.rights, userInfo };
    // Collabora and Office post messages only to PostMessageOrigin: the host page's origin, unless configured.
    const extra = {
      PostMessageOrigin: new URL(ctx.config.publicUrl ?? req.baseUrl).origin,
      ...(await hostPageUrls(ctx, req.baseUrl, record)),
      ...ctx.config.checkFileInfoExtra,
    };
    return json(200, fileInfo(record, viewer, { fileUrl, extra }));
  },
};
