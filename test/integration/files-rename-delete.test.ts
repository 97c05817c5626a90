// RenameFile (RENAME_FILE) and DeleteFile (DELETE) against the real emulators.

import type { S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listTrash } from '../../lambda/domain/trash';
import {
  addTestFile,
  checkFileInfo,
  listKeys,
  lockFile,
  putFile,
  rawS3,
  recordOf,
  uniqueOwner,
} from '../support/wopi-files';
import { startTestHost, type TestHost } from '../support/wopi-host';

let host: TestHost;
let s3: S3Client;
beforeAll(async () => {
  host = await startTestHost();
  s3 = rawS3(host);
});
afterAll(async () => {
  s3.destroy();
  await host.close();
});

function rename(fileId: string, requestedName: string, headers: Record<string, string> = {}, token?: string) {
  return host.wopi(fileId, {
    override: 'RENAME_FILE',
    headers: { 'X-WOPI-RequestedName': requestedName, ...headers },
    ...(token && { token }),
  });
}

async function baseFileName(fileId: string): Promise<unknown> {
  return ((await (await checkFileInfo(host, fileId)).json()) as Record<string, unknown>).BaseFileName;
}

describe('RenameFile', () => {
  it('"X-WOPI-RequestedName without extension": 200 {"Name":"New name"} and BaseFileName "New name.docx"', async () => {
    // Prepare
    const file = await addTestFile(host, { name: 'Old name.docx' });
    // Act
    const res = await rename(file.fileId, 'New name');
    // Assess
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ Name: 'New name' });
    expect(await baseFileName(file.fileId)).toBe('New name.docx');
  });

  it('renames a locked file when X-WOPI-Lock matches the lock', async () => {
    // Prepare
    const file = await addTestFile(host, { name: 'locked.docx' });
    await lockFile(host, file.fileId, 'lock-a');
    // Act
    const res = await rename(file.fileId, 'renamed by holder', { 'X-WOPI-Lock': 'lock-a' });
    // Assess
    expect(res.status).toBe(200);
    expect(await baseFileName(file.fileId)).toBe('renamed by holder.docx');
  });

  it('answers 409 with the current lock when X-WOPI-Lock is another lock, and keeps the name', async () => {
    // Prepare
    const file = await addTestFile(host, { name: 'locked.docx' });
    await lockFile(host, file.fileId, 'lock-a');
    // Act
    const res = await rename(file.fileId, 'stolen name', { 'X-WOPI-Lock': 'lock-b' });
    // Assess
    expect(res.status).toBe(409);
    expect(res.headers.get('x-wopi-lock')).toBe('lock-a');
    expect(await baseFileName(file.fileId)).toBe('locked.docx');
  });

  it('answers 409 with the current lock when a locked file is renamed without X-WOPI-Lock', async () => {
    // Prepare
    const file = await addTestFile(host, { name: 'locked.docx' });
    await lockFile(host, file.fileId, 'lock-a');
    // Act
    const res = await rename(file.fileId, 'no lock sent');
    // Assess
    expect(res.status).toBe(409);
    expect(res.headers.get('x-wopi-lock')).toBe('lock-a');
  });

  it('renames an unlocked file without X-WOPI-Lock', async () => {
    // Prepare
    const file = await addTestFile(host, { name: 'unlocked.docx' });
    // Act
    const res = await rename(file.fileId, 'still unlocked');
    // Assess
    expect(res.status).toBe(200);
    expect(await baseFileName(file.fileId)).toBe('still unlocked.docx');
  });

  it('answers 400 with X-WOPI-InvalidFileNameError to a name with a path separator', async () => {
    // Prepare
    const file = await addTestFile(host, { name: 'plain.docx' });
    // Act
    const res = await rename(file.fileId, 'a/b');
    // Assess
    expect(res.status).toBe(400);
    expect(res.headers.get('x-wopi-invalidfilenameerror')).toBeTruthy();
    expect(await baseFileName(file.fileId)).toBe('plain.docx');
  });

  it('answers 400 with X-WOPI-InvalidFileNameError to a name with a control character (sent UTF-7 encoded)', async () => {
    // Prepare
    const file = await addTestFile(host, { name: 'plain.docx' });
    // Act
    const res = await rename(file.fileId, 'bell+AAc-name');
    // Assess
    expect(res.status).toBe(400);
    expect(res.headers.get('x-wopi-invalidfilenameerror')).toBeTruthy();
  });

  it('answers 400 with X-WOPI-InvalidFileNameError to a name that is too long', async () => {
    // Prepare
    const file = await addTestFile(host, { name: 'plain.docx' });
    // Act
    const res = await rename(file.fileId, 'n'.repeat(300));
    // Assess
    expect(res.status).toBe(400);
    expect(res.headers.get('x-wopi-invalidfilenameerror')).toBeTruthy();
  });

  it.each(['', '   ', '.', '..'])(
    'answers 400 with X-WOPI-InvalidFileNameError to the requested name "%s", which has no name before the extension',
    async (requested) => {
      // Prepare
      const file = await addTestFile(host, { name: 'plain.docx' });
      // Act
      const res = await rename(file.fileId, requested);
      // Assess
      expect(res.status).toBe(400);
      expect(res.headers.get('x-wopi-invalidfilenameerror')).toBeTruthy();
      expect(await baseFileName(file.fileId)).toBe('plain.docx');
    },
  );

  it('answers 400 with X-WOPI-InvalidFileNameError when another file of the same owner has the name', async () => {
    // Prepare
    const owner = uniqueOwner();
    const file = await addTestFile(host, { name: 'mine.docx', owner });
    await addTestFile(host, { name: 'taken.docx', owner });
    // Act
    const res = await rename(file.fileId, 'taken');
    // Assess
    expect(res.status).toBe(400);
    expect(res.headers.get('x-wopi-invalidfilenameerror')).toBeTruthy();
    expect(await baseFileName(file.fileId)).toBe('mine.docx');
  });

  it('decodes a UTF-7 requested name', async () => {
    // Prepare
    const file = await addTestFile(host, { name: 'plain.docx' });
    // Act
    const res = await rename(file.fileId, '+ZeVnLIqe-');
    // Assess
    expect(await res.json()).toEqual({ Name: '日本語' });
    expect(await baseFileName(file.fileId)).toBe('日本語.docx');
  });

  it('frees the old name for another file of the same owner', async () => {
    // Prepare
    const owner = uniqueOwner();
    const file = await addTestFile(host, { name: 'first.docx', owner });
    await rename(file.fileId, 'second');
    // Act
    const reused = await addTestFile(host, { name: 'first.docx', owner });
    // Assess
    expect(reused.name).toBe('first.docx');
  });

  it('answers 404 to a read-only token and keeps the name', async () => {
    // Prepare
    const file = await addTestFile(host, { name: 'plain.docx' });
    // Act
    const res = await rename(file.fileId, 'viewer name', {}, await host.token(file.fileId, 'read'));
    // Assess
    expect(res.status).toBe(404);
    expect(await baseFileName(file.fileId)).toBe('plain.docx');
  });

  it('answers 400 when X-WOPI-RequestedName is missing', async () => {
    // Prepare
    const file = await addTestFile(host, { name: 'plain.docx' });
    // Act
    const res = await host.wopi(file.fileId, { override: 'RENAME_FILE' });
    // Assess
    expect(res.status).toBe(400);
  });
});

describe('DeleteFile', () => {
  it('"409 when locked", with the lock, and the file stays', async () => {
    // Prepare
    const file = await addTestFile(host);
    await lockFile(host, file.fileId, 'lock-a');
    // Act
    const res = await host.wopi(file.fileId, { override: 'DELETE' });
    // Assess
    expect(res.status).toBe(409);
    expect(res.headers.get('x-wopi-lock')).toBe('lock-a');
    expect((await recordOf(host, file.fileId)).content).toEqual(file.content);
  });

  it('moves the file to the trash: 200, then CheckFileInfo 404, while every stored version stays for a restore', async () => {
    // Prepare
    const file = await addTestFile(host, { bytes: 'v1' });
    await lockFile(host, file.fileId, 'lock-a');
    await putFile(host, file.fileId, 'v2', { 'X-WOPI-Lock': 'lock-a' });
    await host.wopi(file.fileId, { override: 'UNLOCK', headers: { 'X-WOPI-Lock': 'lock-a' } });
    const prefix = `files/${file.fileId}/`;
    expect(await listKeys(s3, host.deps.config.bucketName, prefix)).toHaveLength(2);
    // Act
    const res = await host.wopi(file.fileId, { override: 'DELETE' });
    // Assess
    expect(res.status).toBe(200);
    expect((await checkFileInfo(host, file.fileId)).status).toBe(404);
    expect(await listKeys(s3, host.deps.config.bucketName, prefix)).toHaveLength(2);
    const trash = await listTrash(host.deps, file.ownerId);
    expect(trash.map((record) => [record.fileId, record.trashed?.by])).toEqual([[file.fileId, file.ownerId]]);
  });

  it("frees the deleted file's name", async () => {
    // Prepare
    const owner = uniqueOwner();
    const file = await addTestFile(host, { name: 'gone.docx', owner });
    // Act
    await host.wopi(file.fileId, { override: 'DELETE' });
    // Assess
    expect((await host.deps.names.get(owner, 'gone.docx'))?.fileId).toBeUndefined();
  });

  it('deletes a file whose lock expired', async () => {
    // Prepare
    const file = await addTestFile(host);
    await lockFile(host, file.fileId, 'lock-a');
    host.clock.advance(30 * 60 * 1000);
    // Act
    const res = await host.wopi(file.fileId, { override: 'DELETE' });
    // Assess
    expect(res.status).toBe(200);
  });

  it('answers 404 to an editor the owner did not allow to delete, and keeps the file', async () => {
    // Prepare
    const file = await addTestFile(host);
    await host.share(file.fileId, 'plain-editor', 'edit');
    // Act
    const res = await host.wopi(file.fileId, {
      override: 'DELETE',
      token: await host.token(file.fileId, 'write', { userId: 'plain-editor' }),
    });
    // Assess
    expect(res.status).toBe(404);
    expect((await host.deps.files.get(file.fileId))?.trashed).toBeUndefined();
  });

  it('lets an editor the owner allowed to delete (edit+delete) move it to the trash, where the owner finds it', async () => {
    // Prepare
    const file = await addTestFile(host);
    await host.share(file.fileId, 'trusted-editor', 'edit+delete');
    // Act
    const res = await host.wopi(file.fileId, {
      override: 'DELETE',
      token: await host.token(file.fileId, 'write', { userId: 'trusted-editor' }),
    });
    // Assess
    expect(res.status).toBe(200);
    const [trashed] = await listTrash(host.deps, file.ownerId);
    expect({ fileId: trashed?.fileId, by: trashed?.trashed?.by }).toEqual({
      fileId: file.fileId,
      by: 'trusted-editor',
    });
  });

  it('answers 404 to a read-only token and keeps the file', async () => {
    // Prepare
    const file = await addTestFile(host);
    // Act
    const res = await host.wopi(file.fileId, { override: 'DELETE', token: await host.token(file.fileId, 'read') });
    // Assess
    expect(res.status).toBe(404);
    expect(await host.deps.files.get(file.fileId)).toBeDefined();
  });

  it('answers 404 for a file that does not exist', async () => {
    // Prepare
    const fileId = 'already-gone';
    // Act
    const res = await host.wopi(fileId, { override: 'DELETE' });
    // Assess
    expect(res.status).toBe(404);
  });
});
