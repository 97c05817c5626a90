// What an administrator does to users: revoke a key, disable a user. Both count from the next request: keys are
// looked up on every API request, and a disabled user's roles are taken off every file they could reach.
import { NotFoundError } from './errors';
import { filesBelow } from './folder-tree';
import { FOLDER_HINT_PREFIX, rootFolder, setFolderRole, shareFolder } from './folders';
import type { FileStore, FolderStore, NameClaims, SharedWith, TrashIndex } from './ports';
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
  readonly folders: FolderStore;
  readonly names: NameClaims;
  readonly sharedWith: SharedWith;
  readonly trash: TrashIndex;
  readonly now: number;
  readonly actor: string;
}

/**
 * Disables the user: first nothing of theirs authenticates (the flag, then their keys go), then their shares of files
 * and folders are taken away and their own files, in any folder or the trash, keep their other users but no longer let
 * their owner act; their root is marked too, so no folder of theirs gives them a role again.
 */
export async function disableUser(deps: DisableDeps, userId: string): Promise<{ files: number; folders: number }> {
  const user = await deps.users.getUser(userId);
  if (user === undefined) throw new NotFoundError(`No user ${userId}`);
  await deps.users.putUser({ ...user, disabled: true });
  for (const key of await deps.users.listApiKeys(userId)) await deps.users.removeApiKey(userId, key.keyHash);
  let files = 0;
  let folders = 0;
  const admin = { ...deps, userId: deps.actor, asAdministrator: true };
  for (const hint of await deps.sharedWith.list(userId)) {
    const taken = hint.startsWith(FOLDER_HINT_PREFIX)
      ? shareFolder(admin, hint.slice(FOLDER_HINT_PREFIX.length), userId, undefined)
      : shareFile(deps, hint, userId, undefined);
    await taken.catch(() => undefined); // a hint whose file or folder is gone
    if (hint.startsWith(FOLDER_HINT_PREFIX)) folders++;
    else files++;
  }
  const disabled = `${userId}: owner disabled`;
  const root = await rootFolder(deps, userId);
  await setFolderRole(admin, root.folderId, userId, 'disabled', disabled);
  // The trash too: a file restored from it later must not let its disabled owner act again.
  const owned = [...(await listTrash(deps, userId))];
  for await (const { record } of filesBelow(deps, root)) owned.push(record);
  for (const record of owned) {
    await setRole(deps, record.fileId, userId, 'disabled', disabled);
    files++;
  }
  return { files, folders };
}
