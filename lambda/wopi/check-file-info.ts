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
    // The presigned URL and the host-page links are each signed locally, and need nothing from one another.
    const [fileUrl, hostUrls] = await Promise.all([
      offerFileUrl ? ctx.contents.downloadUrl(record.content.contentKey, downloadUrlTtlSeconds) : undefined,
      hostPageUrls(ctx, req.baseUrl, record),
    ]);
    const viewer = { userId: grant.userId, userName: grant.userName, ceiling: grant.rights, userInfo };
    // Collabora and Office post messages only to PostMessageOrigin: the host page's origin, unless configured.
    const extra = {
      PostMessageOrigin: new URL(ctx.config.publicUrl ?? req.baseUrl).origin,
      ...hostUrls,
      ...ctx.config.checkFileInfoExtra,
    };
    return json(200, fileInfo(record, viewer, { fileUrl, extra }));
  },
};
