// HostViewUrl / HostEditUrl: the host page for a file, with a short-lived link for the user. Always given, as the
// validator's PutRelativeFile.IncludeHostUrls case expects; without a WOPI client the page answers 501 saying so.
// The edit link only for a user who may edit now, and neither outlives the access token that asked for it.
import { mintHostLink } from '../auth/host-link';
import { rightsOf } from '../domain/access';
import type { FileRecord } from '../domain/file-record';
import type { OperationContext } from './operation';

export async function hostPageUrls(
  ctx: OperationContext,
  baseUrl: string,
  record: FileRecord,
): Promise<{ HostViewUrl: string; HostEditUrl?: string }> {
  const { grant } = ctx;
  const url = async (rights: 'read' | 'write') => {
    const { fileId } = record;
    const link = await mintHostLink(
      ctx.tokenSecret,
      { fileId, userId: grant.userId, rights, notAfter: grant.expiresAt },
      ctx.now,
    );
    return `${ctx.config.publicUrl ?? baseUrl}/host/files/${fileId}?link=${link.link}`;
  };
  const mayEdit = rightsOf(record, grant.userId, grant.rights) === 'write';
  return { HostViewUrl: await url('read'), ...(mayEdit && { HostEditUrl: await url('write') }) };
}

/** GetShareUrl's types, as CheckFileInfo's SupportedShareUrlTypes lists them. */
export const SHARE_URL_TYPES = ['ReadOnly', 'ReadWrite'] as const;
export type ShareUrlType = (typeof SHARE_URL_TYPES)[number];

/** host-page.ts's `mode`: what a share URL opens the file for, at most. */
export const SHARE_URL_MODES: Readonly<Record<ShareUrlType, 'view' | 'edit'>> = { ReadOnly: 'view', ReadWrite: 'edit' };

/**
 * A URL to pass around: the host page, which signs the visitor in and opens the file with the least of the URL's
 * mode and the visitor's own rights. It carries no credential, so it grants nothing to whoever holds it.
 */
export function shareUrl(baseUrl: string, fileId: string, type: ShareUrlType): string {
  return `${baseUrl}/host/files/${fileId}?mode=${SHARE_URL_MODES[type]}`;
}
