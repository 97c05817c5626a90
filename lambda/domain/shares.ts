// Giving and taking away access to a file. The change is one write on the file's record, so it counts from the
// next request of every token; a hint is kept per user so their files are found without a scan.
import type { Role, Share } from './access';
import { withActivity } from './activity';
import { ForbiddenError, NotFoundError } from './errors';
import type { FileRecord } from './file-record';
import type { FileStore, SharedWith } from './ports';
import type { UserStore } from './users';
import { unchangedSince } from './write-rules';

export interface ShareDeps {
  readonly files: FileStore;
  readonly sharedWith: SharedWith;
  readonly now: number;
  /** Who acts: the owner's id, or "cli:<account>" for an administrator. */
  readonly actor: string;
}

const ATTEMPTS = 5;

/**
 * Gives `userId` the share, or with undefined takes their access away. The owner's own role is not a share. `check`
 * may refuse on the record read (the files API lets only the owner share).
 */
export async function shareFile(
  deps: ShareDeps,
  fileId: string,
  userId: string,
  share: Share | undefined,
  check: (record: FileRecord) => void = () => undefined,
): Promise<FileRecord> {
  // The hint first when giving, last when taking: a crash leaves at most a hint without a share, never the reverse.
  if (share !== undefined) await deps.sharedWith.add(userId, fileId);
  const record = await setRole(deps, fileId, userId, share ?? null, `${userId}: ${share ?? 'none'}`, (current) => {
    check(current);
    if (current.ownerId === userId) throw new ForbiddenError(`${userId} owns ${current.name}; an owner is not shared`);
    // Taking a share away works in the trash too, or restoring the file would give it back.
    if (share !== undefined && current.trashed !== undefined) throw new NotFoundError(`No file ${fileId}`);
  });
  if (share === undefined) await deps.sharedWith.remove(userId, fileId).catch(() => undefined);
  return record;
}

/**
 * The files API's share: only the file's owner (`deps.actor`) gives or takes one, and only a user who exists and is
 * not disabled is given one (a share would let a disabled user's unexpired tokens in again). The caller has found the
 * file visible to the actor (its folders included, visibleFile), so a refusal here is 403, never a hidden 404.
 */
export async function shareAsOwner(
  deps: ShareDeps & { readonly users: UserStore },
  fileId: string,
  userId: string,
  share: Share | undefined,
): Promise<FileRecord> {
  if (share !== undefined) await shareableUser(deps.users, userId);
  return shareFile(deps, fileId, userId, share, (record) => {
    if (record.trashed !== undefined) throw new NotFoundError(`No file ${fileId}`);
    if (record.access[deps.actor] !== 'owner') throw new ForbiddenError(`Only the owner shares ${record.name}`);
  });
}

/** A user who exists and is not disabled; a share would let a disabled user's unexpired tokens in again. */
export async function shareableUser(users: UserStore, userId: string): Promise<string> {
  const user = await users.getUser(userId);
  if (user === undefined) throw new NotFoundError(`No user ${userId}`);
  if (user.disabled) throw new ForbiddenError(`${userId} is disabled`);
  return userId;
}

/**
 * Sets one user's role on the file's record, in the trash or not, with an activity entry; `check` may refuse on the
 * record read.
 */
export async function setRole(
  deps: Omit<ShareDeps, 'sharedWith'>,
  fileId: string,
  userId: string,
  role: Role | null,
  detail: string,
  check: (record: FileRecord) => void = () => undefined,
): Promise<FileRecord> {
  for (let attempt = 1; ; attempt++) {
    const record = await deps.files.get(fileId);
    if (record === undefined) throw new NotFoundError(`No file ${fileId}`);
    check(record);
    const entry = { at: deps.now, by: deps.actor, what: 'share' as const, detail };
    const change = { access: { [userId]: role }, activity: withActivity(record.activity, entry), rev: record.rev + 1 };
    const result = await deps.files.update(fileId, unchangedSince(record), change, deps.now, { returnRecord: true });
    if (result.applied) return result.record ?? record;
    if (attempt === ATTEMPTS) throw new ForbiddenError(`File ${fileId} kept changing; try again`);
  }
}
