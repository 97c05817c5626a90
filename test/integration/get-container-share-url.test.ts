// WOPI GetShareUrl for containers against the emulators, as the docs and the validator's
// GetSharingUrlForContainer* groups ask: ReadOnly and ReadWrite give an absolute URL of the folder's host page with
// no credential in it, which lists the folder for a signed-in visitor who may see it, each child linked with the
// URL's mode; any other type is 501.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFile } from '../../lambda/domain/create-file';
import type { FolderRecord } from '../../lambda/domain/folder-record';
import { shareFolder } from '../../lambda/domain/folders';
import { issueApiKey } from '../../lambda/domain/users';
import { addFolder, containerCall, rootOf } from '../support/wopi-containers';
import { uniqueOwner } from '../support/wopi-files';
import { startTestHost, type TestHost } from '../support/wopi-host';

let host: TestHost;
beforeAll(async () => {
  host = await startTestHost();
});
afterAll(() => host.close());

async function person(): Promise<{ userId: string; apiKey: string }> {
  const userId = uniqueOwner();
  await host.deps.users.putUser({ userId, displayName: userId });
  return { userId, apiKey: await issueApiKey(host.deps.users, userId, host.clock.now()) };
}

/** A folder with a file and a subfolder in it, shared with `member` for viewing. */
async function sharedFolder(owner: string, member: string): Promise<FolderRecord> {
  const root = await rootOf(host, owner);
  const folder = await addFolder(host, root.folderId, 'Team', owner);
  await addFolder(host, folder.folderId, 'Sub', owner);
  const file = { name: 'plan.docx', ownerId: owner, bytes: Buffer.from('x'), folderId: folder.folderId };
  await createFile(host.deps, file, host.clock.now());
  await shareFolder({ ...host.deps, now: host.clock.now(), userId: owner }, folder.folderId, member, 'view');
  return folder;
}

function getShareUrl(folder: FolderRecord, userId: string, urlType?: string) {
  const headers: Record<string, string> = urlType === undefined ? {} : { 'X-WOPI-UrlType': urlType };
  return containerCall(host, folder.folderId, userId, { override: 'GET_SHARE_URL', headers });
}

async function shareUrlOf(folder: FolderRecord, userId: string, urlType: string): Promise<string> {
  const res = await getShareUrl(folder, userId, urlType);
  expect(res.status).toBe(200);
  return ((await res.json()) as { ShareUrl: string }).ShareUrl;
}

const links = (html: string) =>
  [...html.matchAll(/href="([^"]+)"/g)].map((m) => new URL(m[1] ?? '').pathname + new URL(m[1] ?? '').search);

describe('GetShareUrl (containers)', () => {
  it("gives the folder's host page with only a mode in it, for ReadOnly and ReadWrite", async () => {
    // Prepare
    const [owner, member] = [await person(), await person()];
    const folder = await sharedFolder(owner.userId, member.userId);
    // Act
    const readOnly = new URL(await shareUrlOf(folder, owner.userId, 'ReadOnly'));
    const readWrite = new URL(await shareUrlOf(folder, owner.userId, 'ReadWrite'));
    // Assess
    expect([readOnly.pathname, readOnly.search, readWrite.search]).toEqual([
      `/host/containers/${folder.folderId}`,
      '?mode=view',
      '?mode=edit',
    ]);
  });

  it('lists the folder for a signed-in member, each child linked with the mode, and for nobody else', async () => {
    // Prepare
    const [owner, member, stranger] = [await person(), await person(), await person()];
    const folder = await sharedFolder(owner.userId, member.userId);
    const url = await shareUrlOf(folder, member.userId, 'ReadOnly');
    const as = (apiKey?: string) =>
      fetch(url, apiKey === undefined ? {} : { headers: { Authorization: `Bearer ${apiKey}` } });
    // Act
    const byMember = await as(member.apiKey);
    const html = await byMember.text();
    const [anonymous, byStranger] = [await as(), await as(stranger.apiKey)];
    // Assess
    expect({
      status: byMember.status,
      links: links(html).map((link) => link.replace(/\/[A-Za-z0-9_-]{22}\?/, '/ID?')),
      others: [anonymous.status, byStranger.status],
    }).toEqual({
      status: 200,
      links: ['/host/containers/ID?mode=view', '/host/files/ID?mode=view'],
      others: [401, 404],
    });
  });

  it.each([['UnknownType'], ['readwrite'], [undefined]])('answers X-WOPI-UrlType %s with 501', async (urlType) => {
    // Prepare
    const owner = await person();
    const root = await rootOf(host, owner.userId);
    // Act
    const res = await getShareUrl(root, owner.userId, urlType);
    // Assess
    expect(res.status).toBe(501);
  });

  it('answers 404 to a user the folder was not given, and is announced in CheckContainerInfo', async () => {
    // Prepare
    const owner = await person();
    const root = await rootOf(host, owner.userId);
    // Act
    const stranger = await getShareUrl(root, uniqueOwner(), 'ReadOnly');
    const info = (await (await containerCall(host, root.folderId, owner.userId)).json()) as Record<string, unknown>;
    // Assess
    expect([stranger.status, info.SupportedShareUrlTypes]).toEqual([404, ['ReadOnly', 'ReadWrite']]);
  });

  it('refuses a folder page mode it does not know with 400', async () => {
    // Prepare
    const owner = await person();
    const root = await rootOf(host, owner.userId);
    // Act
    const res = await fetch(`${host.baseUrl}/host/containers/${root.folderId}?mode=admin`, {
      headers: { Authorization: `Bearer ${owner.apiKey}` },
    });
    // Assess
    expect(res.status).toBe(400);
  });
});
