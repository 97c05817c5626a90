// WOPI GetShareUrl (containers): X-WOPI-Override GET_SHARE_URL with X-WOPI-UrlType on a container; the URL opens
// the folder's page (functions/host-container-page.ts) for a signed-in visitor with their own rights.
import { visibleFolder } from '../domain/folders';
import type { Stores } from '../domain/ports';
import { shareUrl, shareUrlType } from '../http/host-page-url';
import type { WopiOperation } from '../http/operation';
import type { ContainerRequest } from '../http/wopi-request';
import { json } from '../http/wopi-response';

export const getContainerShareUrl: WopiOperation<Pick<Stores, 'folders'>, ContainerRequest> = {
  name: 'GetShareUrl',
  needs: 'read',
  run: async (req, ctx) => {
    const type = shareUrlType(req);
    await visibleFolder(ctx.folders, req.containerId, ctx.grant.userId);
    const base = ctx.config.publicUrl ?? req.baseUrl;
    return json(200, { ShareUrl: shareUrl(base, 'containers', req.containerId, type) });
  },
};
