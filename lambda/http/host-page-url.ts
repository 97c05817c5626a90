// HostViewUrl / HostEditUrl: the host page for a file, with a short-lived link for the user. Always given, as the
// validator's PutRelativeFile.IncludeHostUrls case expects; without a WOPI client the page answers 501 saying so.
// The edit link only for a user who may edit now, and neither outlives the access token that asked for it.
import { mintHostLink } from '../auth/host-link';
import { rightsOf } from '../domain/access';
import { NotImplementedError } from '../domain/errors';
import type { FileRecord } from '../domain/file-record';
import type { OperationContext } from './operation';
import type { WopiCall } from './wopi-request';

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
  const [view, edit] = await Promise.all([url('read'), mayEdit ? url('write') : undefined]);
  return { HostViewUrl: view, ...(edit !== undefined && { HostEditUrl: edit }) };
}

/** GetShareUrl's types, as CheckFileInfo's SupportedShareUrlTypes lists them. */
export const SHARE_URL_TYPES = ['ReadOnly', 'ReadWrite'] as const;
export type ShareUrlType = (typeof SHARE_URL_TYPES)[number];

/** host-page.ts's `mode`: what a share URL opens the file for, at most. */
export const SHARE_URL_MODES: Readonly<Record<ShareUrlType, 'view' | 'edit'>> = { ReadOnly: 'view', ReadWrite: 'edit' };

/** X-WOPI-UrlType: one of SHARE_URL_TYPES, or 501 as the docs say for a missing, invalid or unsupported type. */
export function shareUrlType(req: WopiCall): ShareUrlType {
  const type = SHARE_URL_TYPES.find((known) => known === req.headers['x-wopi-urltype']);
  if (type === undefined) throw new NotImplementedError(`X-WOPI-UrlType must be one of ${SHARE_URL_TYPES.join(', ')}`);
  return type;
}

/**
 * A URL to pass around: the host page of a file or a folder, which signs the visitor in and opens it with the least
 * of the URL's mode and the visitor's own rights. It carries no credential, so it grants nothing to whoever holds it.
 */
export function shareUrl(baseUrl: string, item: 'files' | 'containers', id: string, type: ShareUrlType): string {
  return `${baseUrl}/host/${item}/${id}?mode=${SHARE_URL_MODES[type]}`;
}
