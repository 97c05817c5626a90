// Sends a model operation (wopi-model.ts) to the local HTTP server the way a client would (WOPI routes, or
// DocSpace's check-out route), and reads back only what the model speaks about: status, X-WOPI-Lock,
// X-WOPI-ItemVersion and GetFile's bytes.

import type { TestHost, WopiCall } from './wopi-host';
import type { WopiOp, WopiOutcome } from './wopi-model';

export interface Credentials {
  /** WOPI access token; a fresh write token for the file when absent. */
  readonly token?: string;
  /** API key for the check-out route (DocSpace). */
  readonly apiKey?: string;
}

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

function send(host: TestHost, fileId: string, op: WopiOp, credentials: Credentials): Promise<Response> {
  if (op.kind === 'CheckOut' || op.kind === 'UndoCheckOut') {
    return fetch(`${host.baseUrl}/api/2.0/files/file/${fileId}/lock`, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${credentials.apiKey}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ lockFile: op.kind === 'CheckOut' }),
    });
  }
  return host.wopi(fileId, { ...callOf(op), ...(credentials.token !== undefined && { token: credentials.token }) });
}

export async function performOp(
  host: TestHost,
  fileId: string,
  op: WopiOp,
  credentials: Credentials = {},
): Promise<WopiOutcome> {
  const res = await send(host, fileId, op, credentials);
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
