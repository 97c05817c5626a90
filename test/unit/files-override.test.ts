// files-override.ts: X-WOPI-Override picks the operation from a table; Lock and UnlockAndRelock share LOCK.
import { describe, expect, it } from 'vitest';
import { BadRequestError, NotImplementedError } from '../../lambda/domain/errors';
import { parseWopiRequest, type WopiRequest } from '../../lambda/http/wopi-request';
import { selectOverride } from '../../lambda/wopi/files-override';
import { wopiEvent } from '../support/api-gateway-events';

/** The request the handler would parse from an API Gateway event with these headers. */
function request(headers: Record<string, string>): WopiRequest {
  return parseWopiRequest(wopiEvent({ fileId: 'file-1', accessToken: 'token', headers }));
}

describe('selectOverride', () => {
  it.each<[Record<string, string>, string]>([
    [{ 'x-wopi-override': 'LOCK', 'x-wopi-lock': 'A' }, 'Lock'],
    [{ 'x-wopi-override': 'LOCK', 'x-wopi-lock': 'B', 'x-wopi-oldlock': 'A' }, 'UnlockAndRelock'],
    [{ 'x-wopi-override': 'LOCK', 'x-wopi-lock': 'B', 'x-wopi-oldlock': '' }, 'UnlockAndRelock'],
    [{ 'x-wopi-override': 'GET_LOCK' }, 'GetLock'],
    [{ 'x-wopi-override': 'REFRESH_LOCK', 'x-wopi-lock': 'A' }, 'RefreshLock'],
    [{ 'x-wopi-override': 'UNLOCK', 'x-wopi-lock': 'A' }, 'Unlock'],
  ])(
    '"hosts must differentiate the two operations based on the presence, or lack of, the X-WOPI-OldLock request header": %j -> %s',
    (headers, operation) => {
      // Prepare
      const req = request(headers);
      // Act
      const selected = selectOverride(req);
      // Assess
      expect(selected.name).toBe(operation);
    },
  );

  it.each(['lock', ' LOCK ', 'Lock'])('reads the override %j as LOCK', (override) => {
    // Prepare
    const req = request({ 'x-wopi-override': override, 'x-wopi-lock': 'A' });
    // Act
    const selected = selectOverride(req);
    // Assess
    expect(selected.name).toBe('Lock');
  });

  it.each(['NOT_A_WOPI_OPERATION', '__proto__', 'constructor', 'hasOwnProperty', 'LOCK_'])(
    'throws NotImplementedError (501) for the unknown override %j',
    (override) => {
      // Prepare
      const req = request({ 'x-wopi-override': override });
      // Act + Assess
      expect(() => selectOverride(req)).toThrow(NotImplementedError);
    },
  );

  it.each<[string, Record<string, string>]>([
    ['missing', {}],
    ['empty', { 'x-wopi-override': '' }],
  ])('throws BadRequestError (400) when X-WOPI-Override is %s', (_, headers) => {
    // Prepare
    const req = request(headers);
    // Act + Assess
    expect(() => selectOverride(req)).toThrow(BadRequestError);
  });

  it('asks for write rights on every lock-changing operation and read rights for GetLock', () => {
    // Prepare
    const overrides = { LOCK: 'Lock', REFRESH_LOCK: 'RefreshLock', UNLOCK: 'Unlock', GET_LOCK: 'GetLock' };
    // Act
    const needs = Object.fromEntries(
      Object.entries(overrides).map(([override, name]) => [
        name,
        selectOverride(request({ 'x-wopi-override': override })).needs,
      ]),
    );
    needs.UnlockAndRelock = selectOverride(request({ 'x-wopi-override': 'LOCK', 'x-wopi-oldlock': 'A' })).needs;
    // Assess
    expect(needs).toEqual({
      Lock: 'write',
      RefreshLock: 'write',
      Unlock: 'write',
      UnlockAndRelock: 'write',
      GetLock: 'read',
    });
  });
});
