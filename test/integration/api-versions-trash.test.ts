// The files API's versions and trash: GET /host/api/files/{id}/versions, POST /host/api/files/{id}/restore,
// GET /host/api/trash and POST /host/api/trash/{id}/restore. A restore makes a new version and overwrites nothing;
// a file back from the trash whose name was taken meanwhile comes back as "name (2)".
import { describe, expect, it } from 'vitest';
import { sharedFile } from '../support/api-people';
import { expectRefusal, useApiHost } from '../support/files-api-calls';
import { lockFile, putFile } from '../support/wopi-files';

interface VersionJson {
  readonly version: number;
  readonly size: number;
}

interface Versions {
  readonly current: VersionJson;
  readonly versions: VersionJson[];
}

const api = useApiHost();

/** A file of owner-1's shared as sharedFile shares, saved three times over WOPI (v1, v2, v3), left unlocked. */
async function savedThrice(name: string) {
  const file = await sharedFile(api.host, name, 'v1');
  expect((await lockFile(api.host, file.fileId, 'lock-v')).status).toBe(200);
  for (const text of ['v2', 'v3']) {
    expect((await putFile(api.host, file.fileId, text, { 'X-WOPI-Lock': 'lock-v' })).status).toBe(200);
  }
  expect((await api.host.wopi(file.fileId, { override: 'UNLOCK', headers: { 'X-WOPI-Lock': 'lock-v' } })).status).toBe(
    200,
  );
  return file;
}

const versionsOf = async (fileId: string) =>
  (await api.call('owner-1', 'GET', `/host/api/files/${fileId}/versions`)).body as Versions;

describe('GET /host/api/files/{id}/versions', () => {
  it('lists the current content and the earlier versions, newest first, to whoever may see the file', async () => {
    // Prepare
    const file = await savedThrice('Versioned.docx');
    // Act
    const [owner, viewer, stranger] = await Promise.all([
      api.call('owner-1', 'GET', `/host/api/files/${file.fileId}/versions`),
      api.call('viewer-1', 'GET', `/host/api/files/${file.fileId}/versions`),
      api.call('stranger', 'GET', `/host/api/files/${file.fileId}/versions`),
    ]);
    // Assess
    expect(owner.status).toBe(200);
    const { current, versions } = owner.body as Versions;
    expect(versions.length).toBe(2);
    expect(versions[0]?.version).toBeGreaterThan(versions[1]?.version ?? Number.POSITIVE_INFINITY);
    expect(current.version).toBeGreaterThan(versions[0]?.version ?? Number.POSITIVE_INFINITY);
    expect(viewer.status).toBe(200);
    expectRefusal(stranger, 404);
  });
});

describe('POST /host/api/files/{id}/restore', () => {
  it('makes the old content a new version, keeping the one it replaces among the versions', async () => {
    // Prepare
    const file = await savedThrice('Restore me.docx');
    const before = await versionsOf(file.fileId);
    const oldest = before.versions.at(-1)?.version;
    // Act
    const restored = await api.call('editor-1', 'POST', `/host/api/files/${file.fileId}/restore`, {
      version: oldest,
    });
    // Assess
    expect(restored.status).toBe(200);
    const after = await versionsOf(file.fileId);
    expect(after.current.version).toBeGreaterThan(before.current.version);
    expect(after.versions.map((v) => v.version)).toContain(before.current.version);
    expect((await api.download(file.fileId)).toString()).toBe('v1');
  });

  it.each([
    ['neither version nor recoveryCopy', {}, undefined, 400],
    ['both version and recoveryCopy', { version: 1, recoveryCopy: 'x' }, undefined, 400],
    ['a version that is a string', { version: '1' }, undefined, 400],
    ['a body that is not JSON', undefined, 'version=1', 400],
    ['a version the file never had', { version: 99 }, undefined, 404],
    ['a recovery copy that is not there', { recoveryCopy: 'no-such-copy' }, undefined, 404],
  ])('refuses %s and leaves the content as it was', async (_case, body, raw, status) => {
    // Prepare
    const file = await api.host.addFile('kept');
    // Act
    const answer = await api.call(
      'owner-1',
      'POST',
      `/host/api/files/${file.fileId}/restore`,
      body,
      raw ? { raw } : {},
    );
    // Assess
    expectRefusal(answer, status);
    expect((await versionsOf(file.fileId)).current.version).toBe(file.content.version);
    expect((await api.download(file.fileId)).toString()).toBe('kept');
  });

  it('refuses a viewer (403) and a stranger (404)', async () => {
    // Prepare
    const file = await savedThrice('Not yours to restore.docx');
    const oldest = (await versionsOf(file.fileId)).versions.at(-1)?.version;
    // Act
    const viewer = await api.call('viewer-1', 'POST', `/host/api/files/${file.fileId}/restore`, {
      version: oldest,
    });
    const stranger = await api.call('stranger', 'POST', `/host/api/files/${file.fileId}/restore`, {
      version: oldest,
    });
    // Assess
    expectRefusal(viewer, 403);
    expectRefusal(stranger, 404);
    expect((await api.download(file.fileId)).toString()).toBe('v3');
  });
});

describe('GET /host/api/trash and POST /host/api/trash/{id}/restore', () => {
  it('brings a deleted file back with its name and content', async () => {
    // Prepare
    const file = await api.host.addFile('back again', 'Round trip.docx');
    await api.call('owner-1', 'DELETE', `/host/api/files/${file.fileId}`);
    // Act
    const restored = await api.call('owner-1', 'POST', `/host/api/trash/${file.fileId}/restore`);
    // Assess
    expect(restored).toMatchObject({ status: 200, body: { id: file.fileId, name: 'Round trip.docx' } });
    expect((restored.body as { trashedAt?: string }).trashedAt).toBeUndefined();
    const trash = (await api.call('owner-1', 'GET', '/host/api/trash')).body as { files: { id: string }[] };
    expect(trash.files.map((f) => f.id)).not.toContain(file.fileId);
    expect((await api.download(file.fileId)).toString()).toBe('back again');
  });

  it('gives the file "name (2)" when its name was taken while it was in the trash', async () => {
    // Prepare
    const file = await api.host.addFile('first', 'Clash.docx');
    await api.call('owner-1', 'DELETE', `/host/api/files/${file.fileId}`);
    const newcomer = await api.host.addFile('second', 'Clash.docx');
    // Act
    const restored = await api.call('owner-1', 'POST', `/host/api/trash/${file.fileId}/restore`);
    // Assess
    expect(restored).toMatchObject({ status: 200, body: { name: 'Clash (2).docx' } });
    expect((await api.call('owner-1', 'GET', `/host/api/files/${newcomer.fileId}`)).body).toMatchObject({
      name: 'Clash.docx',
    });
  });

  it("keeps a file's trash to its owner: others are told it is not there (404)", async () => {
    // Prepare
    const file = await sharedFile(api.host, 'Owner trash.docx');
    await api.call('owner-1', 'DELETE', `/host/api/files/${file.fileId}`);
    // Act
    const editor = await api.call('editor-1', 'POST', `/host/api/trash/${file.fileId}/restore`);
    const stranger = await api.call('stranger', 'POST', `/host/api/trash/${file.fileId}/restore`);
    const strangersTrash = (await api.call('stranger', 'GET', '/host/api/trash')).body as {
      files: { id: string }[];
    };
    // Assess
    expectRefusal(editor, 404);
    expectRefusal(stranger, 404);
    expect(strangersTrash.files.map((f) => f.id)).not.toContain(file.fileId);
  });

  it('answers a file that is not in the trash, and one that does not exist, with a 404', async () => {
    // Prepare
    const file = await api.host.addFile('live');
    // Act
    const live = await api.call('owner-1', 'POST', `/host/api/trash/${file.fileId}/restore`);
    const missing = await api.call('owner-1', 'POST', '/host/api/trash/no-such-file/restore');
    // Assess
    expectRefusal(live, 404);
    expectRefusal(missing, 404);
  });
});
