// PutUserInfo: a client-owned string per user (at most 1024 characters), returned as CheckFileInfo UserInfo.
import { BadRequestError } from './errors';
import type { UserInfoStore } from './ports';

export const USER_INFO_MAX_LENGTH = 1024;

export async function putUserInfo(store: UserInfoStore, userId: string, info: string): Promise<void> {
  if (info.length > USER_INFO_MAX_LENGTH) {
    throw new BadRequestError(`UserInfo is ${info.length} characters; at most ${USER_INFO_MAX_LENGTH} are kept`);
  }
  await store.put(userId, info);
}
