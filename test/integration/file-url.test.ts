// CheckFileInfo's FileUrl, downloaded as a WOPI client does: exactly as given, with no token and no proof. The WOPI
// docs let a client use it instead of GetFile, so it must answer what GetFile would at the time of the download,
// after a save included (the validator's FileUrlUsage case), and only to a user the file still gives access to.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mintFileUrlLink } from '../../lambda/auth/file-url-link';
import { serveDiscovery } from '../support/discovery-server';
import { officeDiscoveryXml } from '../support/discovery-xml';
import { lock, unlock } from '../support/lock-calls';
import { generateProofKey } from '../support/proof-signing';
import { bytesOf, checkFileInfo, putFile } from '../support/wopi-files';
import { startTestHost, type TestHost } from '../support/wopi-host';

let host: TestHost;

beforeAll(async () => {
  host = await startTestHost({ env: { WOPI_OFFER_FILE_URL: 'true' } });
});
afterAll(() => host.close());

async function fileUrlOf(fileId: string, token?: string): Promise<string> {
  const info = (await (await checkFileInfo(host, fileId, token)).json()) as { FileUrl?: string };
  return String(info.FileUrl);
}

describe('FileUrl', () => {
  it('answers the bytes of a save made after the CheckFileInfo that gave it', async () => {
    // Prepare
    const file = await host.addFile('before the save');
    const fileUrl = await fileUrlOf(file.fileId);
    await lock(host, file.fileId, 'L1');
    expect((await putFile(host, file.fileId, 'after the save', { 'X-WOPI-Lock': 'L1' })).status).toBe(200);
    await unlock(host, file.fileId, 'L1');
    // Act
    const download = await fetch(fileUrl);
    // Assess
    expect({ status: download.status, body: (await bytesOf(download)).toString() }).toEqual({
      status: 200,
      body: 'after the save',
    });
  });

  it('answers 404 once the share that let the user open the file is taken away', async () => {
    // Prepare
    const file = await host.addFile('shared for a while');
    await host.share(file.fileId, 'guest', 'view');
    const fileUrl = await fileUrlOf(file.fileId, await host.token(file.fileId, 'read', { userId: 'guest' }));
    await host.share(file.fileId, 'guest', 'none');
    // Act
    const download = await fetch(fileUrl);
    // Assess
    expect(download.status).toBe(404);
  });

  it('answers 401 for a link of another file', async () => {
    // Prepare
    const [mine, other] = [await host.addFile('mine'), await host.addFile('other')];
    const otherUrl = new URL(await fileUrlOf(other.fileId));
    // Act
    const download = await fetch(`${host.baseUrl}/download/files/${mine.fileId}${otherUrl.search}`);
    // Assess
    expect(download.status).toBe(401);
  });

  it('answers 401 for a link past its lifetime (WOPI_DOWNLOAD_URL_TTL_SECONDS)', async () => {
    // Prepare
    const file = await host.addFile('soon gone');
    const fileUrl = await fileUrlOf(file.fileId);
    host.clock.advance((host.deps.config.downloadUrlTtlSeconds + 1) * 1000);
    // Act
    const download = await fetch(fileUrl);
    // Assess
    expect(download.status).toBe(401);
  });

  it('answers 401 for a WOPI access token in place of the link: a token opens WOPI routes only', async () => {
    // Prepare
    const file = await host.addFile('tokens are not links');
    const token = await host.token(file.fileId);
    // Act
    const download = await fetch(`${host.baseUrl}/download/files/${file.fileId}?link=${token}`);
    // Assess
    expect(download.status).toBe(401);
  });

  it('is never outlived by the access token CheckFileInfo was called with', async () => {
    // Prepare
    const file = await host.addFile('bounded');
    const now = host.clock.now();
    const link = await mintFileUrlLink(
      host.deps.tokenSecret,
      { fileId: file.fileId, userId: file.ownerId },
      300,
      now,
      now + 1000,
    );
    host.clock.advance(2000);
    // Act
    const download = await fetch(`${host.baseUrl}/download/files/${file.fileId}?link=${link}`);
    // Assess
    expect(download.status).toBe(401);
  });
});

describe('FileUrl on a host that verifies proof keys', () => {
  it('answers without a proof, which a client cannot sign for a FileUrl (WOPI docs)', async () => {
    // Prepare
    const keys = { current: generateProofKey() };
    const discovery = await serveDiscovery(() => officeDiscoveryXml(keys));
    const proofHost = await startTestHost({ env: { WOPI_DISCOVERY_URL: discovery.url, WOPI_OFFER_FILE_URL: 'true' } });
    try {
      const file = await proofHost.addFile('unsigned download');
      const link = await mintFileUrlLink(
        proofHost.deps.tokenSecret,
        { fileId: file.fileId, userId: file.ownerId },
        300,
        proofHost.clock.now(),
      );
      const unsignedGetFile = await proofHost.wopi(file.fileId, { method: 'GET', path: '/contents' });
      // Act
      const download = await fetch(`${proofHost.baseUrl}/download/files/${file.fileId}?link=${link}`);
      // Assess
      expect({ getFile: unsignedGetFile.status, fileUrl: download.status }).toEqual({ getFile: 500, fileUrl: 200 });
    } finally {
      await proofHost.close();
      await discovery.close();
    }
  });
});
