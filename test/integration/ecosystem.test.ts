// WOPI GetEcosystem (files and containers), CheckEcosystem and GetRootContainer against the emulators, as the docs
// and the validator's Ecosystem group ask: the Ecosystem URL carries an ecosystem token, which opens only the
// Ecosystem endpoint, and leads to the user's own root.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { containerCall, ecosystemCall, rootOf, scopedToken } from '../support/wopi-containers';
import { uniqueOwner } from '../support/wopi-files';
import { startTestHost, type TestHost } from '../support/wopi-host';

let host: TestHost;
beforeAll(async () => {
  host = await startTestHost();
});
afterAll(() => host.close());

async function ecosystemUrlOf(res: Response): Promise<URL> {
  expect(res.status).toBe(200);
  return new URL(((await res.json()) as { Url: string }).Url);
}

/** The URL with `path` added to its path, its query kept (as the validator builds GetRootContainer's). */
function under(url: URL, path: string): string {
  return `${url.origin}${url.pathname}${path}${url.search}`;
}

describe('GetEcosystem', () => {
  it('of a file gives the Ecosystem URL with a token, whose CheckEcosystem says SupportsContainers', async () => {
    // Prepare
    const file = await host.addFile('x', 'eco.docx', uniqueOwner());
    // Act
    const url = await ecosystemUrlOf(await host.wopi(file.fileId, { method: 'GET', path: '/ecosystem_pointer' }));
    const check = await fetch(url);
    // Assess
    expect({ path: url.pathname, token: url.searchParams.has('access_token'), check: await check.json() }).toEqual({
      path: '/wopi/ecosystem',
      token: true,
      check: { SupportsContainers: true },
    });
  });

  it('of a container gives the Ecosystem URL too', async () => {
    // Prepare
    const owner = uniqueOwner();
    const root = await rootOf(host, owner);
    // Act
    const url = await ecosystemUrlOf(await containerCall(host, root.folderId, owner, { path: '/ecosystem_pointer' }));
    // Assess
    expect((await fetch(url)).status).toBe(200);
  });

  it('answers 404 to a user the file was not given', async () => {
    // Prepare
    const file = await host.addFile('x', 'private.docx', uniqueOwner());
    const token = await host.token(file.fileId, 'read', { userId: uniqueOwner() });
    // Act
    const res = await host.wopi(file.fileId, { method: 'GET', path: '/ecosystem_pointer', token });
    // Assess
    expect(res.status).toBe(404);
  });
});

describe('GetRootContainer', () => {
  it("leads from a file's Ecosystem URL to its user's root, whose Url opens it", async () => {
    // Prepare
    const owner = uniqueOwner();
    const file = await host.addFile('x', 'a.docx', owner);
    const url = await ecosystemUrlOf(await host.wopi(file.fileId, { method: 'GET', path: '/ecosystem_pointer' }));
    // Act
    const res = await fetch(under(url, '/root_container_pointer'));
    const pointer = ((await res.json()) as { ContainerPointer: { Name: string; Url: string } }).ContainerPointer;
    const opened = (await (await fetch(pointer.Url)).json()) as { Name: string };
    // Assess
    expect([res.status, pointer.Name, opened.Name, new URL(pointer.Url).pathname]).toEqual([
      200,
      'My documents',
      'My documents',
      `/wopi/containers/${(await rootOf(host, owner)).folderId}`,
    ]);
  });

  it('answers 401 to an invalid token, a file token and a container token', async () => {
    // Prepare
    const owner = uniqueOwner();
    const file = await host.addFile('x', 'b.docx', owner);
    const root = await rootOf(host, owner);
    const tokens = [
      'not-a-token',
      await host.token(file.fileId),
      await scopedToken(host, { kind: 'container', id: root.folderId }, owner),
    ];
    // Act
    const statuses = await Promise.all(
      tokens.map(
        async (token) => (await ecosystemCall(host, owner, { path: '/root_container_pointer', token })).status,
      ),
    );
    // Assess
    expect(statuses).toEqual([401, 401, 401]);
  });
});

describe('an ecosystem token', () => {
  it('opens no file or container route', async () => {
    // Prepare
    const owner = uniqueOwner();
    const file = await host.addFile('x', 'c.docx', owner);
    const root = await rootOf(host, owner);
    const token = await scopedToken(host, { kind: 'ecosystem' }, owner);
    // Act
    const onFile = await host.wopi(file.fileId, { method: 'GET', token });
    const onContainer = await containerCall(host, root.folderId, owner, { token });
    // Assess
    expect([onFile.status, onContainer.status]).toEqual([401, 401]);
  });
});
