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
