// Sends a model operation (wopi-model.ts) to the local HTTP server the way a client would (WOPI routes, or
// DocSpace's check-out route), and reads back only what the model speaks about: status, X-WOPI-Lock,
// X-WOPI-ItemVersion and GetFile's bytes.

import type { TestHost, WopiCall } from './wopi-host';
import type { WopiOp, WopiOutcome } from './wopi-model';

/** The users' API keys for the check-out route (DocSpace); WOPI requests get a fresh write token for the op's user. */
export type ApiKeys = Readonly<Record<string, string>>;

function callOf(op: Exclude<WopiOp, { kind: 'CheckOut' | 'UndoCheckOut' }>): WopiCall {
  switch (op.kind) {
    case 'Lock':
      return { override: 'LOCK', headers: { 'X-WOPI-Lock': op.lockId } };
    case 'GetLock':
      return { override: 'GET_LOCK' };
    case 'RefreshLock':
      return { override: 'REFRESH_LOCK', headers: { 'X-WOPI-Lock': op.lockId } };
    case 'Unlock':
      return { override: 'UNLOCK', headers: { 'X-WOPI-Lock': op.lockId } };
    case 'UnlockAndRelock':
      return { override: 'LOCK', headers: { 'X-WOPI-Lock': op.lockId, 'X-WOPI-OldLock': op.oldLockId } };
    case 'PutFile':
      return {
        path: '/contents',
        override: 'PUT',
        headers: op.lockId === undefined ? {} : { 'X-WOPI-Lock': op.lockId },
        body: Buffer.from(op.body, 'hex'),
      };
    case 'GetFile':
      return { method: 'GET', path: '/contents' };
  }
}

async function send(host: TestHost, fileId: string, op: WopiOp, apiKeys: ApiKeys): Promise<Response> {
  if (op.kind === 'CheckOut' || op.kind === 'UndoCheckOut') {
    const key = op.user === undefined ? Object.values(apiKeys)[0] : apiKeys[op.user];
    return fetch(`${host.baseUrl}/api/2.0/files/file/${fileId}/lock`, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ lockFile: op.kind === 'CheckOut' }),
    });
  }
  const token = op.user === undefined ? undefined : await host.token(fileId, 'write', { userId: op.user });
  return host.wopi(fileId, { ...callOf(op), ...(token !== undefined && { token }) });
}

export async function performOp(
  host: TestHost,
  fileId: string,
  op: WopiOp,
  apiKeys: ApiKeys = {},
): Promise<WopiOutcome> {
  const res = await send(host, fileId, op, apiKeys);
  const body = Buffer.from(await res.arrayBuffer());
  if (op.kind === 'CheckOut' || op.kind === 'UndoCheckOut') {
    // DocSpace's answer speaks its own JSON; only the status is the model's business.
    return { status: res.status, lock: undefined, itemVersion: undefined, content: undefined };
  }
  return {
    status: res.status,
    lock: res.headers.get('x-wopi-lock') ?? undefined,
    itemVersion: res.headers.get('x-wopi-itemversion') ?? undefined,
    content: op.kind === 'GetFile' && res.status === 200 ? body.toString('hex') : undefined,
  };
}
