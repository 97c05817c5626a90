// What an administrator does to users: revoke a key, disable a user. Both count from the next request: keys are
// looked up on every API request, and a disabled user's roles are taken off every file they could reach.
import { NotFoundError } from './errors';
import { filesIn } from './names';
import type { FileStore, NameClaims, SharedWith, TrashIndex } from './ports';
import { setRole, shareFile } from './shares';
import { listTrash } from './trash';
import { keyHashPrefix, type UserStore } from './users';

/** Revokes the user's key whose hash starts with `prefix`; 401 for it from the next request on. */
export async function revokeApiKey(users: UserStore, userId: string, prefix: string): Promise<string> {
  const matching = (await users.listApiKeys(userId)).filter((key) => key.keyHash.startsWith(prefix));
  if (matching.length !== 1 || prefix.length < 6) {
    throw new NotFoundError(
      matching.length > 1 ? `More than one key of ${userId} starts with ${prefix}` : `${userId} has no key ${prefix}`,
    );
  }
  const [key] = matching as [(typeof matching)[number]];
  await users.removeApiKey(userId, key.keyHash);
  return keyHashPrefix(key.keyHash);
}

export interface DisableDeps {
  readonly users: UserStore;
  readonly files: FileStore;
  readonly names: NameClaims;
  readonly sharedWith: SharedWith;
  readonly trash: TrashIndex;
  readonly now: number;
  readonly actor: string;
}

/**
 * Disables the user: first nothing of theirs authenticates (the flag, then their keys go), then their shares are
 * taken away and their own files, in the trash or not, keep their other users but no longer let their owner act.
 */
export async function disableUser(deps: DisableDeps, userId: string): Promise<{ files: number }> {
  const user = await deps.users.getUser(userId);
  if (user === undefined) throw new NotFoundError(`No user ${userId}`);
  await deps.users.putUser({ ...user, disabled: true });
  for (const key of await deps.users.listApiKeys(userId)) await deps.users.removeApiKey(userId, key.keyHash);
  let files = 0;
  for (const fileId of await deps.sharedWith.list(userId)) {
    await shareFile(deps, fileId, userId, undefined).catch(() => undefined); // a hint whose file is gone
    files++;
  }
  // The trash too: a file restored from it later must not let its disabled owner act again.
  const owned = [...(await filesIn(deps, userId)), ...(await listTrash(deps, userId))];
  for (const record of owned) {
    await setRole(deps, record.fileId, userId, 'disabled', `${userId}: owner disabled`);
    files++;
  }
  return { files };
}
