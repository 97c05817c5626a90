// What the lock and save rules need, taken from an operation's context.
import type { LockContext } from '../domain/locks';
import type { Stores } from '../domain/ports';
import type { SaveDeps } from '../domain/save-file';
import type { OperationContext } from '../http/operation';

export function lockContext(context: OperationContext<Pick<Stores, 'files'>>): LockContext {
  return { files: context.files, now: context.now, lockTtlMs: context.config.lockTtlMs, userId: context.grant.userId };
}

export type SaveStores = Pick<Stores, 'files' | 'contents' | 'recovery'>;

export function saveDeps(context: OperationContext<SaveStores>): SaveDeps {
  const { files, contents, recovery, now, config } = context;
  const { versionsKept, recoveryKeepMs } = config;
  return { files, contents, recovery, now, userId: context.grant.userId, versionsKept, recoveryKeepMs };
}
