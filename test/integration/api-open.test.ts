// POST /host/api/files/{id}/open with {"action": "edit" | "view"}: what an application needs to embed the editor
// (wopiSrc, accessToken, accessTokenTtl, actionUrl from the WOPI client's discovery, hostPageUrl). The token carries
// no more than the caller's rights on the file now, and stops working when those go; without a WOPI client the
// answer says what to configure.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addPeople, sharedFile } from '../support/api-people';
import { type DiscoveryServer, serveDiscovery } from '../support/discovery-server';
import { collaboraDiscoveryXml } from '../support/discovery-xml';
import { apiCalls, expectRefusal, useApiHost } from '../support/files-api-calls';
import { startTestHost } from '../support/wopi-host';

interface Launch {
  readonly wopiSrc: string;
  readonly accessToken: string;
  readonly accessTokenTtl: number;
  readonly actionUrl: string;
  readonly hostPageUrl: string;
}

let discovery: DiscoveryServer;

// Registered first, so the WOPI client's discovery is up before the host that reads it starts.
beforeAll(async () => {
  discovery = await serveDiscovery((origin) => collaboraDiscoveryXml(origin));
});
const api = useApiHost(() => ({ env: { WOPI_DISCOVERY_URL: discovery.url, WOPI_PROOF_KEYS: 'off' } }));
afterAll(async () => {
  await discovery.close();
});

/** CheckFileInfo at the launch's wopiSrc with its token, as the WOPI client would call it. */
async function checkFileInfo(launch: Launch) {
  const response = await fetch(`${launch.wopiSrc}?access_token=${encodeURIComponent(launch.accessToken)}`);
  return { status: response.status, body: response.ok ? ((await response.json()) as Record<string, unknown>) : {} };
}

describe('POST /host/api/files/{id}/open', () => {
  it('gives the owner an edit launch from discovery whose token CheckFileInfo accepts with write rights', async () => {
    // Prepare
    const file = await api.host.addFile('open me', 'Open.docx');
    // Act
    const opened = await api.call('owner-1', 'POST', `/host/api/files/${file.fileId}/open`, { action: 'edit' });
    // Assess
    expect(opened.status).toBe(200);
    const launch = opened.body as Launch;
    expect(launch.wopiSrc).toBe(`${api.host.baseUrl}/wopi/files/${file.fileId}`);
    expect(launch.actionUrl.startsWith(discovery.origin)).toBe(true);
    expect(new URL(launch.actionUrl).searchParams.get('WOPISrc')).toBe(launch.wopiSrc);
    expect(launch.accessTokenTtl).toBeGreaterThan(api.host.clock.now());
    expect(launch.hostPageUrl.startsWith(`${api.host.baseUrl}/host/files/${file.fileId}`)).toBe(true);
    expect(launch.hostPageUrl).not.toContain(launch.accessToken);
    expect(launch.actionUrl).not.toContain(launch.accessToken);
    expect(await checkFileInfo(launch)).toMatchObject({
      status: 200,
      body: { BaseFileName: 'Open.docx', UserCanWrite: true },
    });
  });

  it('gives a viewer a view launch (read only) and refuses them an edit one with a 403', async () => {
    // Prepare
    const file = await sharedFile(api.host, 'Viewed.docx');
    // Act
    const view = await api.call('viewer-1', 'POST', `/host/api/files/${file.fileId}/open`, { action: 'view' });
    const edit = await api.call('viewer-1', 'POST', `/host/api/files/${file.fileId}/open`, { action: 'edit' });
    // Assess
    expect(view.status).toBe(200);
    expect(await checkFileInfo(view.body as Launch)).toMatchObject({ status: 200, body: { UserCanWrite: false } });
    expectRefusal(edit, 403);
  });

  it('answers a stranger with a 404 and no token', async () => {
    // Prepare
    const file = await sharedFile(api.host, 'Private.docx');
    // Act
    const answer = await api.call('stranger', 'POST', `/host/api/files/${file.fileId}/open`, { action: 'view' });
    // Assess
    expectRefusal(answer, 404);
  });

  it("stops the launch's token once the share is taken away, at the next call", async () => {
    // Prepare
    const file = await sharedFile(api.host, 'Revoked.docx');
    const launch = (await api.call('editor-1', 'POST', `/host/api/files/${file.fileId}/open`, { action: 'edit' }))
      .body as Launch;
    expect((await checkFileInfo(launch)).status).toBe(200);
    // Act
    await api.call('owner-1', 'DELETE', `/host/api/files/${file.fileId}/shares/editor-1`);
    // Assess
    expect([401, 404]).toContain((await checkFileInfo(launch)).status);
  });

  it.each([
    ['an action that is neither edit nor view', { action: 'print' }, undefined],
    ['an action that is not a string', { action: 1 }, undefined],
    ['a body that is not JSON', undefined, 'action=edit'],
  ])('refuses %s with a 400', async (_case, body, raw) => {
    // Prepare
    const file = await api.host.addFile('x');
    // Act
    const answer = await api.call('owner-1', 'POST', `/host/api/files/${file.fileId}/open`, body, raw ? { raw } : {});
    // Assess
    expectRefusal(answer, 400);
  });

  it('refuses a type the WOPI client cannot open with a 415 saying so', async () => {
    // Prepare
    const file = await api.host.addFile('x', 'Odd.qqq');
    // Act
    const answer = await api.call('owner-1', 'POST', `/host/api/files/${file.fileId}/open`, { action: 'view' });
    // Assess
    expectRefusal(answer, 415);
    expect((answer.body as { error: { message: string } }).error.message).toContain('qqq');
  });
});

describe('POST /host/api/files/{id}/open without a WOPI client', () => {
  it('answers 501 naming the setting to configure', async () => {
    // Prepare
    const bare = await startTestHost();
    try {
      const bareCall = apiCalls(bare, await addPeople(bare));
      const file = await bare.addFile('x', 'Nowhere.docx');
      // Act
      const answer = await bareCall('owner-1', 'POST', `/host/api/files/${file.fileId}/open`, { action: 'edit' });
      // Assess
      expectRefusal(answer, 501);
      expect((answer.body as { error: { message: string } }).error.message).toContain('WOPI_DISCOVERY_URL');
    } finally {
      await bare.close();
    }
  });
});
