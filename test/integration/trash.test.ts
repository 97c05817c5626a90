// Issue 11, finding 2: "Any editor destroys the owner's file for good". DeleteFile moves a file to its owner's
// trash, only for the owner or an editor the owner allowed to delete; the owner lists and restores it with every
// version; the scheduled sweep purges it only after WOPI_TRASH_DAYS.
import type { S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FileRecord } from '../../lambda/domain/file-record';
import { listTrash, restoreFromTrash } from '../../lambda/domain/trash';
import { handler as sweep } from '../../lambda/functions/sweep-orphans';
import { lock, unlock } from '../support/lock-calls';
import { addTestFile, checkFileInfo, listKeys, putFile, rawS3, recordOf } from '../support/wopi-files';
import { startTestHost, type TestHost } from '../support/wopi-host';

const TRASH_DAYS = 3;
const DAY = 24 * 3600_000;

let host: TestHost;
let s3: S3Client;
beforeAll(async () => {
  host = await startTestHost({ env: { WOPI_TRASH_DAYS: String(TRASH_DAYS) } });
  // S3 stamps objects with the real time; the sweep compares it with the host's clock.
  host.clock.advance(Date.now() - host.clock.now());
  s3 = rawS3(host);
});
afterAll(async () => {
  s3.destroy();
  await host.close();
});

/** A file of three versions (the owner's, then two saves by an editor), shared with `editor` as `share`. */
async function editedFile(editor: string, share: 'edit' | 'edit+delete'): Promise<FileRecord> {
  const file = await addTestFile(host, { bytes: 'v1 by the owner' });
  await host.share(file.fileId, editor, share);
  const token = await host.token(file.fileId, 'write', { userId: editor });
  await lock(host, file.fileId, 'L', { token });
  for (const body of ['v2 by the editor', 'v3 by the editor']) {
    await putFile(host, file.fileId, body, { 'X-WOPI-Lock': 'L' }, token);
  }
  await unlock(host, file.fileId, 'L', { token });
  return recordOf(host, file.fileId);
}

function deleteAs(fileId: string, userId: string): Promise<Response> {
  return host.token(fileId, 'write', { userId }).then((token) => host.wopi(fileId, { override: 'DELETE', token }));
}

/** Every stored version's bytes, current first. */
async function allBytes(record: FileRecord): Promise<string[]> {
  const versions = [record.content, ...[...record.versions].reverse()];
  return Promise.all(versions.map(async (v) => Buffer.from(await host.deps.contents.get(v.contentKey)).toString()));
}

const ownerDeps = (record: FileRecord) => ({ ...host.deps, now: host.clock.now(), userId: record.ownerId });

describe('DeleteFile', () => {
  it('answers 404 ("Resource not found/user unauthorized") to an editor the owner did not allow to delete; the file stays', async () => {
    // Prepare
    const file = await editedFile('plain-editor', 'edit');
    // Act
    const res = await deleteAs(file.fileId, 'plain-editor');
    // Assess
    expect(res.status).toBe(404);
    expect(await recordOf(host, file.fileId)).toEqual(file);
    expect(await listTrash(host.deps, file.ownerId)).toEqual([]);
  });

  it.each([
    { who: 'an editor the owner allowed to delete (edit+delete)', deleter: 'trusted-editor' },
    { who: 'the owner', deleter: undefined },
  ])('by $who moves the file to the owner’s trash, where the owner finds it', async ({ deleter }) => {
    // Prepare
    const file = await editedFile('trusted-editor', 'edit+delete');
    const by = deleter ?? file.ownerId;
    // Act
    const res = await deleteAs(file.fileId, by);
    // Assess
    expect(res.status).toBe(200);
    expect((await checkFileInfo(host, file.fileId)).status).toBe(404);
    const trash = await listTrash(host.deps, file.ownerId);
    expect(trash.map((record) => ({ fileId: record.fileId, by: record.trashed?.by }))).toEqual([
      { fileId: file.fileId, by },
    ]);
  });

  it('leaves a trashed file restorable by its owner with every version, under its name', async () => {
    // Prepare
    const file = await editedFile('trusted-editor', 'edit+delete');
    const before = await allBytes(file);
    await deleteAs(file.fileId, 'trusted-editor');
    // Act
    const restored = await restoreFromTrash(ownerDeps(file), file.fileId);
    // Assess
    expect(restored.name).toBe(file.name);
    expect((await checkFileInfo(host, file.fileId)).status).toBe(200);
    const after = await recordOf(host, file.fileId);
    expect({ content: after.content, versions: after.versions }).toEqual({
      content: file.content,
      versions: file.versions,
    });
    expect(await allBytes(after)).toEqual(before);
    expect(before).toEqual(['v3 by the editor', 'v2 by the editor', 'v1 by the owner']);
  });
});

describe(`the sweep and the trash (WOPI_TRASH_DAYS=${TRASH_DAYS})`, () => {
  it('keeps a trashed file and all its bytes until WOPI_TRASH_DAYS have passed, then purges them', async () => {
    // Prepare
    const file = await editedFile('trusted-editor', 'edit+delete');
    await deleteAs(file.fileId, 'trusted-editor');
    const prefix = `files/${file.fileId}/`;
    const { bucketName } = host.deps.config;
    // Act
    host.clock.advance(TRASH_DAYS * DAY - 60_000);
    await sweep();
    const justBefore = { record: await host.deps.files.get(file.fileId), keys: await listKeys(s3, bucketName, prefix) };
    host.clock.advance(2 * 60_000);
    await sweep();
    // Assess
    expect(justBefore.record?.trashed).toBeDefined();
    expect(justBefore.keys).toHaveLength(3);
    expect(await host.deps.files.get(file.fileId)).toBeUndefined();
    expect(await listKeys(s3, bucketName, prefix)).toEqual([]);
    expect(await listTrash(host.deps, file.ownerId)).toEqual([]);
  });
});
