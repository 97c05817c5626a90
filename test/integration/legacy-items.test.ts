// Items written before the current layout (shares beside the owner, a check-out stored as a kind of lock, no
// state, revision or activity) keep working: reads see them as the same file, and the first write that meets one
// brings it to the current layout once, then does what it was asked. Items whose version and activity lists are
// plain DynamoDB lists (before they were packed) read the same, and the first write of a list packs it; a plain list
// written beside a packed one (by a function not yet replaced during a deploy) is read with it, so nothing is lost.
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDynamoClient } from '../../lambda/adapters/dynamo-client';
import { newContentKey, sha256Base64 } from '../../lambda/domain/content-keys';
import { newFileId } from '../../lambda/domain/file-id';
import { sweepOrphans } from '../../lambda/domain/sweep-orphans';
import { lockMismatch, mismatchWith } from '../support/lock-calls';
import { addTestFile, checkFileInfo, currentBytes, lockFile, putFile, recordOf } from '../support/wopi-files';
import { startTestHost, type TestHost } from '../support/wopi-host';

let host: TestHost;
beforeAll(async () => {
  host = await startTestHost();
});
afterAll(() => host.close());

/** A file as the earlier layout stored it, written straight into the table. */
async function legacyFile(extra: Record<string, unknown> = {}): Promise<string> {
  const fileId = newFileId();
  const contentKey = newContentKey(fileId);
  const bytes = Buffer.from('written long ago');
  await host.deps.contents.put(contentKey, bytes);
  await putRawItem({
    pk: `file#${fileId}`,
    sk: 'file',
    fileId,
    name: 'legacy.docx',
    ownerId: 'legacy-owner',
    content: {
      version: 1,
      contentKey,
      size: bytes.byteLength,
      sha256: sha256Base64(bytes),
      modifiedAt: host.clock.now(),
      modifiedBy: 'legacy-owner',
    },
    versions: [],
    shares: { 'legacy-editor': 'edit', 'legacy-viewer': 'view' },
    ...extra,
  });
  return fileId;
}

/** Writes the item straight into the table, as an earlier layout left it. */
async function putRawItem(item: Record<string, unknown>): Promise<void> {
  const db = createDynamoClient(host.deps.config);
  await db.send(new PutCommand({ TableName: host.deps.config.tableName, Item: item }));
  db.destroy();
}

async function rawItem(id: string, kind: 'file' | 'folder' = 'file'): Promise<Record<string, unknown> | undefined> {
  const db = createDynamoClient(host.deps.config);
  const key = { pk: `${kind}#${id}`, sk: kind };
  const { Item } = await db.send(
    new GetCommand({ TableName: host.deps.config.tableName, Key: key, ConsistentRead: true }),
  );
  db.destroy();
  return Item;
}

describe('items of the earlier layout', () => {
  it("are read as the same file: the owner's and the sharees' roles, the content", async () => {
    // Prepare
    const fileId = await legacyFile();
    // Act
    const asEditor = await checkFileInfo(host, fileId, await host.token(fileId, 'write', { userId: 'legacy-editor' }));
    const asViewer = await checkFileInfo(host, fileId, await host.token(fileId, 'write', { userId: 'legacy-viewer' }));
    const asStranger = await checkFileInfo(host, fileId, await host.token(fileId, 'write', { userId: 'stranger' }));
    // Assess
    expect(((await asEditor.json()) as { UserCanWrite: boolean }).UserCanWrite).toBe(true);
    expect(((await asViewer.json()) as { UserCanWrite: boolean }).UserCanWrite).toBe(false);
    expect(asStranger.status).toBe(404);
  });

  it('take a lock and a save: the first write brings the item to the current layout, once', async () => {
    // Prepare
    const fileId = await legacyFile();
    const token = await host.token(fileId, 'write', { userId: 'legacy-editor' });
    // Act
    const locked = await lockFile(host, fileId, 'L', token);
    const saved = await putFile(host, fileId, 'saved after the upgrade', { 'X-WOPI-Lock': 'L' }, token);
    // Assess
    expect([locked.status, saved.status]).toEqual([200, 200]);
    expect((await currentBytes(host, fileId)).toString()).toBe('saved after the upgrade');
    const record = await recordOf(host, fileId);
    expect(record.access).toEqual({ 'legacy-owner': 'owner', 'legacy-editor': 'edit', 'legacy-viewer': 'view' });
    const item = await rawItem(fileId);
    expect({ state: item?.state, shares: item?.shares }).toEqual({ state: 'active', shares: undefined });
  });

  it("read a check-out stored as a lock as the person's check-out, which the holder's session may edit under", async () => {
    // Prepare
    const fileId = await legacyFile({
      lockId: 'checkout-old',
      lockExpiresAt: 8.64e15,
      lockedBy: 'legacy-editor',
      lockedByName: 'Lena Legacy',
      lockKind: 'checkout',
    });
    // Act
    const byOwner = await lockFile(host, fileId, 'owner-session');
    const byHolder = await lockFile(
      host,
      fileId,
      'holder-session',
      await host.token(fileId, 'write', { userId: 'legacy-editor' }),
    );
    // Assess
    expect(lockMismatch(byOwner)).toEqual(mismatchWith(''));
    expect(byOwner.headers.get('x-wopi-lockfailurereason')).toBe('File is checked out by Lena Legacy');
    expect(byHolder.status).toBe(200);
    expect((await recordOf(host, fileId)).checkOut?.holder).toBe('legacy-editor');
  });
});

describe('items whose lists are plain', () => {
  /** A file saved once before the lists were packed: its original is a plain version, its creation plain activity. */
  async function plainListsFile(): Promise<{ fileId: string; originalKey: string }> {
    const fileId = await legacyFile();
    const original = (await recordOf(host, fileId)).content;
    const currentKey = newContentKey(fileId);
    const bytes = Buffer.from('saved before packing');
    await host.deps.contents.put(currentKey, bytes);
    await putRawItem({
      ...(await rawItem(fileId)),
      state: 'active',
      rev: 2,
      lockExpiresAt: 0,
      access: { 'legacy-owner': 'owner', 'legacy-editor': 'edit' },
      shares: undefined, // the client leaves undefined values out
      content: {
        ...original,
        version: 2,
        contentKey: currentKey,
        size: bytes.byteLength,
        sha256: sha256Base64(bytes),
      },
      versions: [original],
      activity: [
        { at: original.modifiedAt, by: 'legacy-owner', what: 'create' },
        { at: original.modifiedAt, by: 'legacy-editor', what: 'save', detail: 'version 2' },
      ],
    });
    return { fileId, originalKey: original.contentKey };
  }

  it('read their versions and activity as stored', async () => {
    // Prepare
    const { fileId, originalKey } = await plainListsFile();
    // Act
    const record = await recordOf(host, fileId);
    // Assess
    expect(record.versions.map((v) => [v.version, v.contentKey])).toEqual([[1, originalKey]]);
    expect(record.activity.map((a) => a.what)).toEqual(['create', 'save']);
  });

  it('are packed by the first save, which keeps every entry and adds its own', async () => {
    // Prepare
    const { fileId, originalKey } = await plainListsFile();
    const token = await host.token(fileId, 'write', { userId: 'legacy-editor' });
    // Act
    const locked = await lockFile(host, fileId, 'L', token);
    const saved = await putFile(host, fileId, 'saved after packing', { 'X-WOPI-Lock': 'L' }, token);
    // Assess
    expect([locked.status, saved.status]).toEqual([200, 200]);
    const item = await rawItem(fileId);
    expect({ versions: item?.versions, activity: item?.activity }).toEqual({
      versions: undefined,
      activity: undefined,
    });
    expect([item?.versionsPacked instanceof Uint8Array, item?.activityPacked instanceof Uint8Array]).toEqual([
      true,
      true,
    ]);
    const record = await recordOf(host, fileId);
    expect(record.versions.map((v) => v.version)).toEqual([1, 2]);
    expect(record.versions[0]?.contentKey).toBe(originalKey);
    expect(record.activity.map((a) => a.what)).toEqual(['create', 'save', 'save']);
  });

  it("keep their versions' contents through the sweep, before and after packing", async () => {
    // Prepare
    const before = await plainListsFile();
    const after = await plainListsFile();
    const token = await host.token(after.fileId, 'write', { userId: 'legacy-editor' });
    await lockFile(host, after.fileId, 'L', token);
    await putFile(host, after.fileId, 'saved after packing', { 'X-WOPI-Lock': 'L' }, token);
    // Act: later than the real time of every upload, past the sweep's grace
    const report = await sweepOrphans({
      ...host.deps,
      now: Date.now() + 2 * 3_600_000,
      graceMs: 3_600_000,
      trashKeepMs: 86_400_000,
    });
    // Assess
    const kept = await Promise.all(
      [before, after].map(async ({ fileId }) => {
        const record = await recordOf(host, fileId);
        return [record.content, ...record.versions].map((v) => v.contentKey);
      }),
    );
    expect(report.deleted.filter((key) => kept.flat().includes(key))).toEqual([]);
    expect(Buffer.from(await host.deps.contents.get(before.originalKey)).toString()).toBe('written long ago');
    expect(Buffer.from(await host.deps.contents.get(after.originalKey)).toString()).toBe('written long ago');
  });
});

describe('items with a plain list beside the packed one', () => {
  it('read both: the save a function from before packing made during a deploy keeps its version and activity', async () => {
    // Prepare: a file saved once by this code (its history packed), then saved by the earlier code, which saw no
    // history, so it wrote the replaced content as the only plain version and its entry as the only plain activity
    const file = await addTestFile(host, { bytes: 'version 1' });
    const token = await host.token(file.fileId, 'write');
    await lockFile(host, file.fileId, 'L', token);
    await putFile(host, file.fileId, 'version 2', { 'X-WOPI-Lock': 'L' }, token);
    const saved = await recordOf(host, file.fileId);
    const thirdKey = newContentKey(file.fileId);
    const third = Buffer.from('version 3, saved by the earlier code');
    await host.deps.contents.put(thirdKey, third);
    const at = host.clock.now();
    const db = createDynamoClient(host.deps.config);
    await db.send(
      new UpdateCommand({
        TableName: host.deps.config.tableName,
        Key: { pk: `file#${file.fileId}`, sk: 'file' },
        UpdateExpression: 'SET content = :content, versions = :versions, activity = :activity, rev = :rev',
        ExpressionAttributeValues: {
          ':content': {
            ...saved.content,
            version: 3,
            contentKey: thirdKey,
            size: third.byteLength,
            sha256: sha256Base64(third),
            modifiedAt: at,
          },
          ':versions': [saved.content],
          ':activity': [{ at, by: saved.content.modifiedBy, what: 'save', detail: 'version 3' }],
          ':rev': saved.rev + 1,
        },
      }),
    );
    db.destroy();
    // Act
    const read = await recordOf(host, file.fileId);
    const next = await putFile(host, file.fileId, 'version 4', { 'X-WOPI-Lock': 'L' }, token);
    // Assess
    expect(read.versions.map((v) => v.version)).toEqual([1, 2]);
    expect(read.activity.map((a) => a.detail ?? a.what)).toEqual([
      ...saved.activity.map((a) => a.detail ?? a.what),
      'version 3',
    ]);
    expect(next.status).toBe(200);
    const item = await rawItem(file.fileId);
    expect({ versions: item?.versions, activity: item?.activity }).toEqual({
      versions: undefined,
      activity: undefined,
    });
    const after = await recordOf(host, file.fileId);
    expect(after.versions.map((v) => [v.version, v.contentKey])).toEqual([
      [1, read.versions[0]?.contentKey],
      [2, saved.content.contentKey],
      [3, thirdKey],
    ]);
    expect(after.activity.map((a) => a.detail ?? a.what).slice(-2)).toEqual(['version 3', 'version 4']);
  });
});

describe('folders whose activity is plain', () => {
  it('read it as stored, and the first write of it packs it, keeping every entry', async () => {
    // Prepare
    const folderId = `legacy-folder-${newFileId()}`;
    const created = { at: host.clock.now(), by: 'legacy-owner', what: 'create' };
    await putRawItem({
      pk: `folder#${folderId}`,
      sk: 'folder',
      folderId,
      name: 'Plain',
      ownerId: 'legacy-owner',
      parentId: 'some-root',
      access: { 'legacy-owner': 'owner' },
      rev: 1,
      activity: [created],
      createdAt: created.at,
      state: 'active',
    });
    const renamed = { at: host.clock.now(), by: 'legacy-owner', what: 'rename' as const, detail: 'Packed' };
    // Act
    const read = await host.deps.folders.get(folderId);
    const written = await host.deps.folders.update(folderId, 1, {
      name: 'Packed',
      activity: [...(read?.activity ?? []), renamed],
      rev: 2,
    });
    // Assess
    expect(read?.activity).toEqual([created]);
    expect(written.applied).toBe(true);
    const item = await rawItem(folderId, 'folder');
    expect([item?.activity, item?.activityPacked instanceof Uint8Array]).toEqual([undefined, true]);
    expect((await host.deps.folders.get(folderId))?.activity).toEqual([created, renamed]);
  });
});
