// The files API's file shares: PUT/DELETE /host/api/files/{id}/shares/{userId}. Only the owner shares; a share
// gives its rights from the caller's next request on and stops there when taken away; bad shares change nothing.
import { describe, expect, it } from 'vitest';
import { sharedFile } from '../support/api-people';
import { expectRefusal, useApiHost } from '../support/files-api-calls';

const api = useApiHost();

const sharesOf = async (fileId: string) =>
  ((await api.call('owner-1', 'GET', `/host/api/files/${fileId}`)).body as { shares: unknown }).shares;

async function contentStatus(fileId: string, who: 'editor-2') {
  const response = await fetch(`${api.host.baseUrl}/host/api/files/${fileId}/content`, {
    headers: { Authorization: `Bearer ${api.people.keys[who]}` },
  });
  await response.arrayBuffer();
  return response.status;
}

describe('PUT /host/api/files/{id}/shares/{userId}', () => {
  it("gives the share's rights from the next call: a view share reads, an edit share renames", async () => {
    // Prepare
    const file = await api.host.addFile('to share', 'To share.docx');
    // Act
    const viewShare = await api.call('owner-1', 'PUT', `/host/api/files/${file.fileId}/shares/editor-2`, {
      share: 'view',
    });
    const asViewer = await api.call('editor-2', 'PATCH', `/host/api/files/${file.fileId}`, {
      name: 'Renamed.docx',
    });
    await api.call('owner-1', 'PUT', `/host/api/files/${file.fileId}/shares/editor-2`, { share: 'edit' });
    const asEditor = await api.call('editor-2', 'PATCH', `/host/api/files/${file.fileId}`, {
      name: 'Renamed.docx',
    });
    // Assess
    expect(viewShare).toMatchObject({ status: 200, body: { shares: [{ userId: 'editor-2', share: 'view' }] } });
    expectRefusal(asViewer, 403);
    expect(asEditor).toMatchObject({ status: 200, body: { name: 'Renamed.docx', role: 'edit' } });
    expect(await sharesOf(file.fileId)).toEqual([{ userId: 'editor-2', share: 'edit' }]);
  });

  it('shows the shares to the owner alone', async () => {
    // Prepare
    const file = await sharedFile(api.host);
    // Act
    const asEditor = await api.call('editor-1', 'GET', `/host/api/files/${file.fileId}`);
    // Assess
    expect(asEditor.body).not.toHaveProperty('shares');
    expect(await sharesOf(file.fileId)).toHaveLength(3);
  });

  it('refuses a viewer and an editor (403) and a stranger (404), and their shares are not made', async () => {
    // Prepare
    const file = await sharedFile(api.host);
    const before = await sharesOf(file.fileId);
    // Act
    const viewer = await api.call('viewer-1', 'PUT', `/host/api/files/${file.fileId}/shares/stranger`, {
      share: 'view',
    });
    const editor = await api.call('editor-1', 'PUT', `/host/api/files/${file.fileId}/shares/stranger`, {
      share: 'edit',
    });
    const stranger = await api.call('stranger', 'PUT', `/host/api/files/${file.fileId}/shares/stranger`, {
      share: 'edit',
    });
    // Assess
    expectRefusal(viewer, 403);
    expectRefusal(editor, 403);
    expectRefusal(stranger, 404);
    expect(await sharesOf(file.fileId)).toEqual(before);
    expectRefusal(await api.call('stranger', 'GET', `/host/api/files/${file.fileId}`), 404);
  });

  it("refuses an editor of a file's folder sharing the file with a 403", async () => {
    // Prepare
    const folder = (await api.call('owner-1', 'POST', '/host/api/folders', { name: 'Shared folder' })).body as {
      id: string;
    };
    await api.call('owner-1', 'PUT', `/host/api/folders/${folder.id}/shares/editor-1`, { share: 'edit' });
    const made = await api.call('editor-1', 'POST', '/host/api/files', {
      name: 'In folder.docx',
      folderId: folder.id,
    });
    const fileId = (made.body as { id: string }).id;
    // Act
    const answer = await api.call('editor-1', 'PUT', `/host/api/files/${fileId}/shares/stranger`, {
      share: 'view',
    });
    // Assess
    expectRefusal(answer, 403);
    expectRefusal(await api.call('stranger', 'GET', `/host/api/files/${fileId}`), 404);
  });

  it.each([
    ['a share that is not one', { share: 'owner' }, undefined, 400],
    ['a share that is not a string', { share: true }, undefined, 400],
    ['no share', {}, undefined, 400],
    ['a body that is not JSON', undefined, 'share=view', 400],
  ])('refuses %s and changes no share', async (_case, body, raw, status) => {
    // Prepare
    const file = await api.host.addFile('unshared');
    // Act
    const answer = await api.call(
      'owner-1',
      'PUT',
      `/host/api/files/${file.fileId}/shares/editor-1`,
      body,
      raw ? { raw } : {},
    );
    // Assess
    expectRefusal(answer, status);
    expect(await sharesOf(file.fileId)).toEqual([]);
  });

  it('refuses a user who does not exist (404) and the owner themself (403)', async () => {
    // Prepare
    const file = await api.host.addFile('mine');
    // Act
    const nobody = await api.call('owner-1', 'PUT', `/host/api/files/${file.fileId}/shares/no-such-user`, {
      share: 'view',
    });
    const self = await api.call('owner-1', 'PUT', `/host/api/files/${file.fileId}/shares/owner-1`, {
      share: 'view',
    });
    // Assess
    expectRefusal(nobody, 404);
    expectRefusal(self, 403);
    expect(await sharesOf(file.fileId)).toEqual([]);
    expect((await api.call('owner-1', 'GET', `/host/api/files/${file.fileId}`)).body).toMatchObject({
      role: 'owner',
    });
  });
});

describe('DELETE /host/api/files/{id}/shares/{userId}', () => {
  it('stops the share at the next call: the file, its content and its listing are gone for that user', async () => {
    // Prepare
    const file = await sharedFile(api.host);
    expect(await contentStatus(file.fileId, 'editor-2')).toBe(200);
    // Act
    const unshared = await api.call('owner-1', 'DELETE', `/host/api/files/${file.fileId}/shares/editor-2`);
    // Assess
    expect(unshared.status).toBe(200);
    expectRefusal(await api.call('editor-2', 'GET', `/host/api/files/${file.fileId}`), 404);
    expect(await contentStatus(file.fileId, 'editor-2')).toBe(404);
    const shared = (await api.call('editor-2', 'GET', '/host/api/files?shared=true')).body as {
      files: { id: string }[];
    };
    expect(shared.files.map((f) => f.id)).not.toContain(file.fileId);
  });

  it('refuses an editor taking away a share (403) and leaves it', async () => {
    // Prepare
    const file = await sharedFile(api.host);
    // Act
    const answer = await api.call('editor-1', 'DELETE', `/host/api/files/${file.fileId}/shares/viewer-1`);
    // Assess
    expectRefusal(answer, 403);
    expect((await api.call('viewer-1', 'GET', `/host/api/files/${file.fileId}`)).status).toBe(200);
  });
});
