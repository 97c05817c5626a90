// WOPI GetShareUrl: X-WOPI-Override GET_SHARE_URL with X-WOPI-UrlType; a type this host does not offer is 501, as
// the docs say.

import { NotImplementedError } from '../domain/errors';
import { readableFile } from '../domain/folders';
import type { Stores } from '../domain/ports';
import { SHARE_URL_TYPES, shareUrl } from '../http/host-page-url';
import type { WopiOperation } from '../http/operation';
import { json } from '../http/wopi-response';

export const getShareUrl: WopiOperation<Pick<Stores, 'files' | 'folders'>> = {
  name: 'GetShareUrl',
  needs: 'read',
  run: async (req, ctx) => {
    const type = SHARE_URL_TYPES.find((known) => known === req.headers['x-wopi-urltype']);
    if (type === undefined) {
      throw new NotImplementedError(`X-WOPI-UrlType must be one of ${SHARE_URL_TYPES.join(', ')}`);
    }
    await readableFile(ctx, req.fileId, ctx.grant.userId);
    return json(200, { ShareUrl: shareUrl(ctx.config.publicUrl ?? req.baseUrl, req.fileId, type) });
  },
};
