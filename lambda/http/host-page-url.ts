// HostViewUrl / HostEditUrl: the host page for a file, with a short-lived link for the user, when a WOPI client is
// configured (without one the page has nothing to open the file in).
import { mintHostLink } from '../auth/host-link';
import type { OperationContext } from './operation';

export async function hostPageUrls(
  ctx: OperationContext,
  baseUrl: string,
  fileId: string,
): Promise<{ HostViewUrl: string; HostEditUrl: string } | Record<string, never>> {
  if (ctx.config.discoveryUrl === undefined) return {};
  const { link } = await mintHostLink(ctx.tokenSecret, { fileId, userId: ctx.grant.userId }, ctx.now);
  // One page for both: it opens the edit or the view action from the user's rights.
  const url = `${ctx.config.publicUrl ?? baseUrl}/host/files/${fileId}?link=${link}`;
  return { HostViewUrl: url, HostEditUrl: url };
}
