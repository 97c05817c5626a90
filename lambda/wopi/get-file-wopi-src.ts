// WOPI GetFileWopiSrc: X-WOPI-Override GET_WOPI_SRC on POST /wopi/ecosystem turns X-WOPI-HostNativeFileName into
// the file's WopiSrc with a token of its own, for a user who may read the file (404 otherwise).
import { BadRequestError } from '../domain/errors';
import { readableFile } from '../domain/folders';
import type { Stores } from '../domain/ports';
import { fileIdOfNativeName } from '../http/native-file-name';
import type { WopiOperation } from '../http/operation';
import type { WopiCall } from '../http/wopi-request';
import { json } from '../http/wopi-response';
import { wopiUrl } from '../http/wopi-urls';

export const getFileWopiSrc: WopiOperation<Pick<Stores, 'files' | 'folders'>, WopiCall> = {
  name: 'GetFileWopiSrc',
  needs: 'read',
  run: async (req, ctx) => {
    const name = req.headers['x-wopi-hostnativefilename'];
    if (name === undefined || name === '') throw new BadRequestError('X-WOPI-HostNativeFileName is missing');
    const file = await readableFile(ctx, fileIdOfNativeName(name), ctx.grant.userId);
    return json(200, { Url: await wopiUrl(ctx, req, { kind: 'file', id: file.fileId }) });
  },
};
