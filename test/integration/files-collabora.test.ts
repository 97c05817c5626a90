// PutFile as Collabora Online sends it: X-COOL-WOPI-Timestamp conflicts, save flags, and LOCK as refresh.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addTestFile, checkFileInfo, currentBytes, lockFile, putFile, recordOf } from '../support/wopi-files';
import { startTestHost, type TestHost } from '../support/wopi-host';

const MINUTE = 60 * 1000;

let host: TestHost;
beforeAll(async () => {
  host = await startTestHost();
});
afterAll(() => host.close());

async function lastModifiedTime(fileId: string): Promise<string> {
  const info = (await (await checkFileInfo(host, fileId)).json()) as Record<string, unknown>;
  return String(info.LastModifiedTime);
}

describe('PutFile from Collabora Online', () => {
  it('saves when X-COOL-WOPI-Timestamp equals the stored LastModifiedTime', async () => {
    // Prepare
    const file = await addTestFile(host, { bytes: 'before' });
    await lockFile(host, file.fileId, 'lock-a');
    const seen = await lastModifiedTime(file.fileId);
    host.clock.advance(MINUTE);
    // Act
    const res = await putFile(host, file.fileId, 'after', { 'X-WOPI-Lock': 'lock-a', 'X-COOL-WOPI-Timestamp': seen });
    // Assess
    expect(res.status).toBe(200);
    expect((await currentBytes(host, file.fileId)).toString()).toBe('after');
  });

  it('accepts the same instant written with microseconds, as Collabora formats its timestamps', async () => {
    // Prepare
    const file = await addTestFile(host, { bytes: 'before' });
    await lockFile(host, file.fileId, 'lock-a');
    const seen = (await lastModifiedTime(file.fileId)).replace(/Z$/, '000Z');
    // Act
    const res = await putFile(host, file.fileId, 'after', { 'X-WOPI-Lock': 'lock-a', 'X-COOL-WOPI-Timestamp': seen });
    // Assess
    expect(seen).toMatch(/\.\d{6}Z$/);
    expect(res.status).toBe(200);
  });

  it('"when it differs from the stored LastModifiedTime answer 409 with body {"COOLStatusCode":1010} and do not save"', async () => {
    // Prepare
    const file = await addTestFile(host, { bytes: 'before' });
    await lockFile(host, file.fileId, 'lock-a');
    const seen = await lastModifiedTime(file.fileId);
    host.clock.advance(MINUTE);
    await putFile(host, file.fileId, 'saved by another session', { 'X-WOPI-Lock': 'lock-a' });
    // Act
    const res = await putFile(host, file.fileId, 'stale', { 'X-WOPI-Lock': 'lock-a', 'X-COOL-WOPI-Timestamp': seen });
    // Assess
    expect(res.status).toBe(409);
    expect(await res.text()).toBe('{"COOLStatusCode":1010}');
    expect((await currentBytes(host, file.fileId)).toString()).toBe('saved by another session');
  });

  it('honours the legacy X-LOOL-WOPI-Timestamp the same way', async () => {
    // Prepare
    const file = await addTestFile(host, { bytes: 'before' });
    await lockFile(host, file.fileId, 'lock-a');
    const seen = await lastModifiedTime(file.fileId);
    const stale = new Date(Date.parse(seen) - MINUTE).toISOString();
    // Act
    const refused = await putFile(host, file.fileId, 'stale', {
      'X-WOPI-Lock': 'lock-a',
      'X-LOOL-WOPI-Timestamp': stale,
    });
    const saved = await putFile(host, file.fileId, 'fresh', { 'X-WOPI-Lock': 'lock-a', 'X-LOOL-WOPI-Timestamp': seen });
    // Assess
    expect(refused.status).toBe(409);
    expect(await refused.json()).toEqual({ COOLStatusCode: 1010 });
    expect(saved.status).toBe(200);
    expect((await currentBytes(host, file.fileId)).toString()).toBe('fresh');
  });

  it('"no timestamp header = a forced save": 200 even after another save', async () => {
    // Prepare
    const file = await addTestFile(host, { bytes: 'before' });
    await lockFile(host, file.fileId, 'lock-a');
    host.clock.advance(MINUTE);
    await putFile(host, file.fileId, 'saved by another session', { 'X-WOPI-Lock': 'lock-a' });
    // Act
    const res = await putFile(host, file.fileId, 'forced', { 'X-WOPI-Lock': 'lock-a' });
    // Assess
    expect(res.status).toBe(200);
    expect((await currentBytes(host, file.fileId)).toString()).toBe('forced');
  });

  it('records X-COOL-WOPI-IsModifiedByUser / IsAutosave / IsExitSave and X-WOPI-Editors with the committed version', async () => {
    // Prepare
    const file = await addTestFile(host);
    await lockFile(host, file.fileId, 'lock-a');
    // Act
    await putFile(host, file.fileId, 'flagged', {
      'X-WOPI-Lock': 'lock-a',
      'X-COOL-WOPI-IsModifiedByUser': 'true',
      'X-COOL-WOPI-IsAutosave': 'false',
      'X-COOL-WOPI-IsExitSave': 'true',
      'X-WOPI-Editors': 'user-1, user-2',
    });
    // Assess
    expect((await recordOf(host, file.fileId)).content.saveContext).toEqual({
      editors: ['user-1', 'user-2'],
      isModifiedByUser: true,
      isAutosave: false,
      isExitSave: true,
    });
  });

  it('records the legacy X-LOOL-WOPI-* twins the same way', async () => {
    // Prepare
    const file = await addTestFile(host);
    await lockFile(host, file.fileId, 'lock-a');
    // Act
    await putFile(host, file.fileId, 'flagged', {
      'X-WOPI-Lock': 'lock-a',
      'X-LOOL-WOPI-IsModifiedByUser': 'false',
      'X-LOOL-WOPI-IsAutosave': 'true',
      'X-LOOL-WOPI-IsExitSave': 'false',
    });
    // Assess
    expect((await recordOf(host, file.fileId)).content.saveContext).toEqual({
      isModifiedByUser: false,
      isAutosave: true,
      isExitSave: false,
    });
  });

  it("keeps each version's own save context in the history", async () => {
    // Prepare
    const file = await addTestFile(host);
    await lockFile(host, file.fileId, 'lock-a');
    // Act
    await putFile(host, file.fileId, 'auto', { 'X-WOPI-Lock': 'lock-a', 'X-COOL-WOPI-IsAutosave': 'true' });
    await putFile(host, file.fileId, 'exit', { 'X-WOPI-Lock': 'lock-a', 'X-COOL-WOPI-IsExitSave': 'true' });
    // Assess
    const record = await recordOf(host, file.fileId);
    expect(record.versions.at(-1)?.saveContext).toEqual({ isAutosave: true });
    expect(record.content.saveContext).toEqual({ isExitSave: true });
  });

  it('"it refreshes by re-sending LOCK with the same id": the lock outlives its first 30 minutes', async () => {
    // Prepare
    const file = await addTestFile(host, { bytes: 'before' });
    await lockFile(host, file.fileId, 'cool-lock');
    host.clock.advance(20 * MINUTE);
    // Act
    const refresh = await lockFile(host, file.fileId, 'cool-lock');
    host.clock.advance(20 * MINUTE);
    const save = await putFile(host, file.fileId, 'after refresh', { 'X-WOPI-Lock': 'cool-lock' });
    // Assess
    expect(refresh.status).toBe(200);
    expect(save.status).toBe(200);
    expect((await recordOf(host, file.fileId)).lock?.id).toBe('cool-lock');
  });

  it('"needs SupportsLocks: true" in CheckFileInfo', async () => {
    // Prepare
    const file = await addTestFile(host);
    // Act
    const info = (await (await checkFileInfo(host, file.fileId)).json()) as Record<string, unknown>;
    // Assess
    expect(info.SupportsLocks).toBe(true);
  });
});
