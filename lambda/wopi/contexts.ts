// What the lock and save rules need, taken from an operation's context.
import type { LockContext } from '../domain/locks';
import type { Stores } from '../domain/ports';
import { quotaOf } from '../domain/quota';
import type { SaveDeps } from '../domain/save-file';
import { DEFAULT_SCHEDULE } from '../domain/versions';
import { deadlineRetry } from '../http/deadline-retry';
import type { OperationContext } from '../http/operation';

export function lockContext(context: OperationContext<Pick<Stores, 'files' | 'folders'>>): LockContext {
  const { files, folders, now, config, grant } = context;
  return { files, folders, now, lockTtlMs: config.lockTtlMs, userId: grant.userId, userName: grant.userName };
}

export type SaveStores = Pick<Stores, 'files' | 'folders' | 'contents' | 'recovery' | 'usage'>;

export function saveDeps(context: OperationContext<SaveStores>): SaveDeps {
  return saveDepsOf(context, context.grant.userId);
}

/** What a save by `userId` needs, from stores and settings (a WOPI operation's, or a files API route's). */
export function saveDepsOf(context: SaveStores & Pick<OperationContext, 'config' | 'now'>, userId: string): SaveDeps {
  const { files, folders, contents, recovery, now, config } = context;
  return {
    files,
    folders,
    contents,
    recovery,
    quota: quotaOf(config.quotaBytes, context.usage),
    now,
    userId,
    schedule: { ...DEFAULT_SCHEDULE, latest: config.versionsKept },
    recoveryKeepMs: config.recoveryKeepMs,
    recoveryKept: config.recoveryKept,
    retry: deadlineRetry(config.saveRetryMs),
  };
}
