// Lock IDs: "The maximum length of a lock ID is 1024 ASCII characters." Longer, non-ASCII or control characters
// are refused with a 4xx and a reason, never a 500. Bytes fetch would refuse to send go over a raw socket.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handlerFor, wopiEvent } from '../support/api-gateway-events';
import { currentLock, lock } from '../support/lock-calls';
import { rawRequest } from '../support/raw-http';
import { startTestHost, type TestHost } from '../support/wopi-host';

let host: TestHost;
beforeAll(async () => {
  host = await startTestHost();
});
afterAll(() => host.close());

/** A Lock whose X-WOPI-Lock header goes on the wire as these latin1 bytes, exactly. */
async function rawLock(fileId: string, lockIdBytes: string) {
  const token = await host.token(fileId);
  return rawRequest(host.baseUrl, 'POST', `/wopi/files/${fileId}?access_token=${token}`, [
    ['X-WOPI-Override', 'LOCK'],
    ['X-WOPI-Lock', lockIdBytes],
  ]);
}

describe('Lock ID bounds', () => {
  it('accepts a lock ID of 1024 ASCII characters and reports it back unchanged', async () => {
    // Prepare
    const { fileId } = await host.addFile();
    const longest = 'L'.repeat(1024);
    // Act
    const res = await lock(host, fileId, longest);
    // Assess
    expect({ status: res.status, lock: await currentLock(host, fileId) }).toEqual({ status: 200, lock: longest });
  });

  it('accepts every printable ASCII character in a lock ID', async () => {
    // Prepare
    const { fileId } = await host.addFile();
    const printable = Array.from({ length: 0x7e - 0x21 + 1 }, (_, i) => String.fromCharCode(0x21 + i)).join('');
    const lockId = `a ${printable} z`;
    // Act
    const res = await lock(host, fileId, lockId);
    // Assess
    expect({ status: res.status, lock: await currentLock(host, fileId) }).toEqual({ status: 200, lock: lockId });
  });

  it('answers 400, with a reason, to a lock ID of 1025 characters', async () => {
    // Prepare
    const { fileId } = await host.addFile();
    // Act
    const res = await lock(host, fileId, 'L'.repeat(1025));
    // Assess
    expect({ status: res.status, reason: res.headers.get('x-wopi-servererror') }).toEqual({
      status: 400,
      reason: 'X-WOPI-Lock is 1025 characters long; the maximum is 1024',
    });
  });

  it('answers 400 to an X-WOPI-OldLock of 1025 characters', async () => {
    // Prepare
    const { fileId } = await host.addFile();
    // Act
    const res = await host.wopi(fileId, {
      override: 'LOCK',
      headers: { 'X-WOPI-Lock': 'lock-b', 'X-WOPI-OldLock': 'L'.repeat(1025) },
    });
    // Assess
    expect(res.status).toBe(400);
  });

  it('answers 400, with a reason, to a non-ASCII lock ID sent as the latin1 byte of "é"', async () => {
    // Prepare
    const { fileId } = await host.addFile();
    // Act
    const res = await rawLock(fileId, 'caf\u00e9');
    // Assess
    expect({ status: res.status, reason: res.headers['x-wopi-servererror'] }).toEqual({
      status: 400,
      reason: 'X-WOPI-Lock must be printable ASCII',
    });
  });

  it('answers 400 to a non-ASCII lock ID sent as the UTF-8 bytes of "é"', async () => {
    // Prepare
    const { fileId } = await host.addFile();
    const utf8AsBytes = Buffer.from('café', 'utf8').toString('latin1');
    // Act
    const res = await rawLock(fileId, utf8AsBytes);
    // Assess
    expect(res.status).toBe(400);
  });

  it('answers 400 to a non-ASCII lock ID that API Gateway decoded into the event', async () => {
    // Prepare
    const { fileId } = await host.addFile();
    const event = wopiEvent({
      fileId,
      accessToken: await host.token(fileId),
      headers: { 'X-WOPI-Override': 'LOCK', 'X-WOPI-Lock': 'verrou-été-🔒' },
    });
    // Act
    const result = await (await handlerFor(event))(event, {});
    // Assess
    expect(result.statusCode).toBe(400);
  });

  it('answers 400 to a lock ID with a tab inside (HTTP lets a tab through to the handler)', async () => {
    // Prepare
    const { fileId } = await host.addFile();
    // Act
    const res = await rawLock(fileId, 'lock\tid');
    // Assess
    expect(res.status).toBe(400);
  });

  it.each([
    ['SOH (0x01)', 'lock\u0001id'],
    ['ESC (0x1b)', 'lock\u001bid'],
    ['DEL (0x7f)', 'lock\u007fid'],
  ])('refuses a lock ID with the control character %s with a 4xx, never 500', async (_, lockIdBytes) => {
    // Prepare
    const { fileId } = await host.addFile();
    // Act
    const res = await rawLock(fileId, lockIdBytes);
    // Assess
    expect(res.status >= 400 && res.status < 500).toBe(true);
  });

  it('answers 400, with a reason, to a control character that reaches the handler in the event', async () => {
    // Prepare
    const { fileId } = await host.addFile();
    const event = wopiEvent({
      fileId,
      accessToken: await host.token(fileId),
      headers: { 'X-WOPI-Override': 'LOCK', 'X-WOPI-Lock': 'lock\u0001id' },
    });
    // Act
    const result = await (await handlerFor(event))(event, {});
    // Assess
    expect({ status: result.statusCode, reason: result.headers?.['X-WOPI-ServerError'] }).toEqual({
      status: 400,
      reason: 'X-WOPI-Lock must be printable ASCII',
    });
  });

  it('leaves the file unlocked after refusing a lock ID', async () => {
    // Prepare
    const { fileId } = await host.addFile();
    // Act
    await rawLock(fileId, 'caf\u00e9');
    // Assess
    expect(await currentLock(host, fileId)).toBe('');
  });
});
