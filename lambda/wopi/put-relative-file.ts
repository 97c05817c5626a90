// WOPI PutRelativeFile: X-WOPI-Override PUT_RELATIVE creates a new file from this one (domain/put-relative-file.ts).
import { mintAccessToken } from '../auth/access-token';
import { BadRequestError } from '../domain/errors';
import type { Stores } from '../domain/ports';
import { putRelativeFile as createRelative, type TargetName } from '../domain/put-relative-file';
import { hostPageUrls } from '../http/host-page-url';
import { fileBody } from '../http/limits';
import type { WopiOperation } from '../http/operation';
import { decodeUtf7 } from '../http/wopi-headers';
import type { WopiRequest } from '../http/wopi-request';
import { json } from '../http/wopi-response';
import { type SaveStores, saveDeps } from './contexts';

function targetOf(req: WopiRequest): TargetName {
  const suggested = req.headers['x-wopi-suggestedtarget'];
  const relative = req.headers['x-wopi-relativetarget'];
  if ((suggested === undefined) === (relative === undefined)) {
    throw new BadRequestError('Send exactly one of X-WOPI-SuggestedTarget and X-WOPI-RelativeTarget');
  }
  if (suggested !== undefined) return { mode: 'suggested', name: decodeUtf7(suggested) };
  const overwrite = req.headers['x-wopi-overwriterelativetarget']?.trim().toLowerCase() === 'true';
  return { mode: 'relative', name: decodeUtf7(relative ?? ''), overwrite };
}

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
    const { grant } = ctx;
    const { token } = await mintAccessToken(
      ctx.tokenSecret,
      { fileId: created.fileId, userId: grant.userId, userName: grant.userName, rights: 'write' },
      ctx.config.tokenTtlSeconds,
      ctx.now,
      // A token made from a token: it expires no later than the one that asked.
      grant.expiresAt,
    );
    const base = ctx.config.publicUrl ?? req.baseUrl;
    return json(200, {
      Name: created.name,
      Url: `${base}/wopi/files/${created.fileId}?access_token=${token}`,
      ...(await hostPageUrls(ctx, req.baseUrl, created)),
    });
  },
};
