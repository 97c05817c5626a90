// WOPI PutRelativeFile: X-WOPI-Override PUT_RELATIVE creates a new file from this one (domain/put-relative-file.ts).
import type { Stores } from '../domain/ports';
import { putRelativeFile as createRelative } from '../domain/put-relative-file';
import { hostPageUrls } from '../http/host-page-url';
import { fileBody } from '../http/limits';
import type { WopiOperation } from '../http/operation';
import { targetOf } from '../http/target-headers';
import { json } from '../http/wopi-response';
import { wopiUrl } from '../http/wopi-urls';
import { type SaveStores, saveDeps } from './contexts';

export const putRelativeFile: WopiOperation<SaveStores & Pick<Stores, 'names' | 'numbers'>> = {
  name: 'PutRelativeFile',
  needs: 'write',
  run: async (req, ctx) => {
    const target = targetOf(req);
    const bytes = fileBody(req);
    const created = await createRelative(
      { ...saveDeps(ctx), names: ctx.names, numbers: ctx.numbers },
      req.fileId,
      target,
      bytes,
    );
    return json(200, {
      Name: created.name,
      Url: await wopiUrl(ctx, req, { kind: 'file', id: created.fileId }, 'write'),
      ...(await hostPageUrls(ctx, req.baseUrl, created)),
    });
  },
};
