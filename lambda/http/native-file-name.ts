// GetFileWopiSrc's X-WOPI-HostNativeFileName: what this host hands out that names a file — a HostViewUrl or
// HostEditUrl, a share URL (/host/files/{id}), a WopiSrc (/wopi/files/{id}) — or the bare file id.
import { NotFoundError } from '../domain/errors';
import { checkedFileId } from './wopi-request';

const fileInPath = /\/(?:host|wopi)\/files\/([^/?#]+)\/?$/;

/** The file id the name gives, or 404: a name this host could not have issued names no file. */
export function fileIdOfNativeName(name: string): string {
  const trimmed = name.trim();
  if (!/^https?:\/\//i.test(trimmed)) return checkedFileId(trimmed);
  let path: string;
  try {
    path = new URL(trimmed).pathname;
  } catch {
    throw new NotFoundError('X-WOPI-HostNativeFileName is not a URL this host issues');
  }
  const id = fileInPath.exec(path)?.[1];
  return checkedFileId(id === undefined ? undefined : decodeURIComponent(id));
}
