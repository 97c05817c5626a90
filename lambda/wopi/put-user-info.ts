// WOPI PutUserInfo: X-WOPI-Override PUT_USER_INFO stores the body for this user (CheckFileInfo UserInfo).

import type { Stores } from '../domain/ports';
import { putUserInfo as store } from '../domain/user-info';
import type { WopiOperation } from '../http/operation';
import { ok } from '../http/wopi-response';

export const putUserInfo: WopiOperation<Pick<Stores, 'userInfo'>> = {
  name: 'PutUserInfo',
  // The string belongs to the user, not to the file: a viewer may store theirs too.
  needs: 'read',
  run: async (req, ctx) => {
    await store(ctx.userInfo, ctx.grant.userId, req.body.toString('utf8'));
    return ok();
  },
};
