// A WOPI operation as the handlers see it: a name, the right it needs, and a function of the request.
import type { AccessGrant, Rights } from '../auth/access-token';
import type { LockContext } from '../domain/locks';
import type { SaveDeps } from '../domain/save-file';
import type { Deps } from '../wiring';
import type { WopiRequest } from './wopi-request';
import type { WopiResponse } from './wopi-response';

export interface OperationContext extends Deps {
  readonly grant: AccessGrant;
  /** One instant per request, so every rule in it sees the same time. */
  readonly now: number;
}

export interface WopiOperation {
  /** The operation's name in the WOPI docs, used in logs and metrics. */
  readonly name: string;
  readonly needs: Rights;
  run(request: WopiRequest, context: OperationContext): Promise<WopiResponse>;
}

/** Picks the operation for a request; for most routes there is only one. */
export type OperationSelector = (request: WopiRequest) => WopiOperation;

export function lockContext(context: OperationContext): LockContext {
  return { files: context.files, now: context.now, lockTtlMs: context.config.lockTtlMs, userId: context.grant.userId };
}

export function saveDeps(context: OperationContext): SaveDeps {
  const { files, contents, recovery, now, config } = context;
  const { versionsKept, recoveryKeepMs } = config;
  return { files, contents, recovery, now, userId: context.grant.userId, versionsKept, recoveryKeepMs };
}
