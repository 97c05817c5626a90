// WOPI GetShareUrl (files): X-WOPI-Override GET_SHARE_URL with X-WOPI-UrlType; a type this host does not offer is
// 501, as the docs say.
import { readableFile } from '../domain/folders';
import type { Stores } from '../domain/ports';
import { shareUrl, shareUrlType } from '../http/host-page-url';
import type { WopiOperation } from '../http/operation';
import { json } from '../http/wopi-response';

export const getShareUrl: WopiOperation<Pick<Stores, 'files' | 'folders'>> = {
  name: 'GetShareUrl',
  needs: 'read',
  run: async (req, ctx) => {
    const type = shareUrlType(req);
    await readableFile(ctx, req.fileId, ctx.grant.userId);
    return json(200, { ShareUrl: shareUrl(ctx.config.publicUrl ?? req.baseUrl, 'files', req.fileId, type) });
  },
};
