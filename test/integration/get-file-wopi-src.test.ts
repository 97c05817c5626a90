// WOPI GetFileWopiSrc (X-WOPI-Override GET_WOPI_SRC on POST /wopi/ecosystem) and GetRootContainer's shortcut
// (GET_ROOT_CONTAINER) against the emulators: the names this host hands out for a file (HostViewUrl, HostEditUrl,
// a share URL, a WopiSrc, the id) become its WopiSrc with a file token, only for a user who may read it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ecosystemCall, rootOf } from '../support/wopi-containers';
import { uniqueOwner } from '../support/wopi-files';
import { startTestHost, type TestHost } from '../support/wopi-host';

let host: TestHost;
beforeAll(async () => {
  host = await startTestHost();
});
afterAll(() => host.close());

function wopiSrcOf(userId: string, name: string) {
  return ecosystemCall(host, userId, { override: 'GET_WOPI_SRC', headers: { 'X-WOPI-HostNativeFileName': name } });
}

describe('GetFileWopiSrc', () => {
  it('turns each name the host hands out for a file into its WopiSrc, whose token opens it', async () => {
    // Prepare
    const owner = uniqueOwner();
    const file = await host.addFile('x', 'native.docx', owner);
    const info = (await (await host.wopi(file.fileId, { method: 'GET' })).json()) as Record<string, string>;
    const share = (await (
      await host.wopi(file.fileId, { override: 'GET_SHARE_URL', headers: { 'X-WOPI-UrlType': 'ReadOnly' } })
    ).json()) as { ShareUrl: string };
    const names = [
      info.HostViewUrl,
      info.HostEditUrl,
      share.ShareUrl,
      `${host.baseUrl}/wopi/files/${file.fileId}`,
      file.fileId,
    ];
    // Act
    const urls = await Promise.all(
      names.map(async (name) => ((await (await wopiSrcOf(owner, name ?? '')).json()) as { Url: string }).Url),
    );
    const opened = await Promise.all(urls.map(async (url) => (await fetch(url)).status));
    // Assess
    expect({ paths: urls.map((url) => new URL(url).pathname), opened }).toEqual({
      paths: names.map(() => `/wopi/files/${file.fileId}`),
      opened: names.map(() => 200),
    });
  });

  it('answers 404 for a file the user may not read and for a name the host never issued, 400 without a name', async () => {
    // Prepare
    const file = await host.addFile('x', 'private.docx', uniqueOwner());
    const stranger = uniqueOwner();
    // Act
    const statuses = [
      (await wopiSrcOf(stranger, file.fileId)).status,
      (await wopiSrcOf(stranger, 'https://elsewhere.example/docs/1')).status,
      (await ecosystemCall(host, stranger, { override: 'GET_WOPI_SRC' })).status,
    ];
    // Assess
    expect(statuses).toEqual([404, 404, 400]);
  });
});

describe("GetRootContainer's shortcut", () => {
  it("answers the user's root as GET root_container_pointer does", async () => {
    // Prepare
    const owner = uniqueOwner();
    // Act
    const res = await ecosystemCall(host, owner, { override: 'GET_ROOT_CONTAINER' });
    const pointer = ((await res.json()) as { ContainerPointer: { Url: string } }).ContainerPointer;
    // Assess
    expect(new URL(pointer.Url).pathname).toBe(`/wopi/containers/${(await rootOf(host, owner)).folderId}`);
  });

  it('answers 501 to an override the Ecosystem endpoint does not offer', async () => {
    // Act
    const res = await ecosystemCall(host, uniqueOwner(), { override: 'LOCK' });
    // Assess
    expect(res.status).toBe(501);
  });
});
