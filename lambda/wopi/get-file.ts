// WOPI GetFile: GET /wopi/files/{file_id}/contents.

import type { Stores } from '../domain/ports';
import { readFile } from '../domain/read-file';
import { MAX_BODY_BYTES } from '../http/limits';
import type { WopiOperation } from '../http/operation';
import { maxExpectedSize } from '../http/wopi-headers';

export const getFile: WopiOperation<Pick<Stores, 'files' | 'folders' | 'contents'>> = {
  name: 'GetFile',
  needs: 'read',
  run: async (req, ctx) => {
    const download = await readFile(ctx, req.fileId, ctx.grant.userId, {
      maxExpectedSize: maxExpectedSize(req),
      inlineLimit: MAX_BODY_BYTES,
      urlTtlSeconds: ctx.config.downloadUrlTtlSeconds,
    });
    const version = { 'X-WOPI-ItemVersion': String(download.record.content.version) };
    if (download.kind === 'redirect') return { status: 302, headers: { ...version, Location: download.url } };
    return { status: 200, headers: { ...version, 'Content-Type': 'application/octet-stream' }, body: download.bytes };
  },
};
