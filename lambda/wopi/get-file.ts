// WOPI GetFile: GET /wopi/files/{file_id}/contents.

import type { Config } from '../config';
import type { Stores } from '../domain/ports';
import { readFile } from '../domain/read-file';
import { MAX_BODY_BYTES } from '../http/limits';
import type { WopiOperation } from '../http/operation';
import { maxExpectedSize } from '../http/wopi-headers';
import type { WopiResponse } from '../http/wopi-response';

type DownloadStores = Pick<Stores, 'files' | 'folders' | 'contents'>;

/**
 * The file's current bytes for the user, or a redirect to them when they are too large for a response: GetFile's
 * answer, which CheckFileInfo's FileUrl gives too (functions/file-url.ts).
 */
export async function downloadAnswer(
  ctx: DownloadStores & { readonly config: Config },
  fileId: string,
  userId: string,
  maxSize: number | undefined,
): Promise<WopiResponse> {
  const download = await readFile(ctx, fileId, userId, {
    maxExpectedSize: maxSize,
    inlineLimit: MAX_BODY_BYTES,
    urlTtlSeconds: ctx.config.downloadUrlTtlSeconds,
  });
  const version = { 'X-WOPI-ItemVersion': String(download.record.content.version) };
  if (download.kind === 'redirect') return { status: 302, headers: { ...version, Location: download.url } };
  return { status: 200, headers: { ...version, 'Content-Type': 'application/octet-stream' }, body: download.bytes };
}

export const getFile: WopiOperation<DownloadStores> = {
  name: 'GetFile',
  needs: 'read',
  run: (req, ctx) => downloadAnswer(ctx, req.fileId, ctx.grant.userId, maxExpectedSize(req)),
};
