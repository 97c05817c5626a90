// Acceptance: SuperOffice's official client from npm (@superoffice/webapi, its DocumentAgent), built with only the
// local host's base URL and an API key as its Bearer token, checks a document out, reads the state as the holder and
// as someone else, checks it in, and checks it out and undoes that, against the running local server.
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser } from '../../lambda/domain/numbers';
import { issueApiKey } from '../../lambda/domain/users';
import { startTestHost, type TestHost } from '../support/wopi-host';

// The package's ESM build imports its own files without extensions, which Node cannot load; its CommonJS build works.
const { DocumentAgent, WebApi } = createRequire(import.meta.url)(
  '@superoffice/webapi',
) as typeof import('@superoffice/webapi');

let host: TestHost;
const keys: Record<string, string> = {};
beforeAll(async () => {
  host = await startTestHost();
  for (const [userId, displayName] of [
    ['so-owner', 'Sol Owner'],
    ['so-other', 'Otto Other'],
  ] as const) {
    await addUser(host.deps, { userId, displayName });
    keys[userId] = await issueApiKey(host.deps.users, userId, host.clock.now());
  }
});
afterAll(() => host.close());

function agentOf(userId: string) {
  // The package keeps the first agent's options as defaults for later ones; this clears them, so each agent sends
  // only its own key. A fresh config object per agent, since the client writes headers into the one it is given.
  new WebApi(host.baseUrl);
  return new DocumentAgent({
    baseUrl: host.baseUrl,
    axiosConfig: { headers: { Authorization: `Bearer ${keys[userId]}` }, proxy: false },
  });
}

describe('@superoffice/webapi DocumentAgent against the local server', () => {
  it('checks out, reads CheckedOutOwn and CheckedOutOther, checks in, reads NotCheckedOut, checks out and undoes', async () => {
    // Prepare
    const file = await host.addFile('agenda', 'agenda.docx', 'so-owner');
    await host.share(file.fileId, 'so-other', 'edit');
    const documentId = file.docNo ?? 0;
    const owner = agentOf('so-owner');
    const other = agentOf('so-other');
    const ownerNumber = (await host.deps.users.getUser('so-owner'))?.associateId;
    // Act
    const checkedOut = await owner.checkoutDocumentAsync(documentId, ['Message']);
    const own = await owner.getCheckoutStateAsync(documentId);
    const seenByOther = await other.getCheckoutStateAsync(documentId);
    const refused = await other.checkoutDocumentAsync(documentId, ['Message']);
    const checkedIn = await owner.checkinDocumentAsync(documentId, ['Message'], 'Agenda agreed', []);
    const after = await owner.getCheckoutStateAsync(documentId);
    const again = await owner.checkoutDocumentAsync(documentId, []);
    const undone = await owner.undoCheckoutDocumentAsync(documentId, ['Message']);
    const last = await other.getCheckoutStateAsync(documentId);
    // Assess
    const done = { externalReference: file.fileId, versionId: '1', success: true, type: 'None', value: '' };
    expect(checkedOut).toMatchObject(done);
    expect(own).toEqual({ state: 'CheckedOutOwn', associateId: ownerNumber, name: 'Sol Owner' });
    expect(seenByOther).toEqual({ state: 'CheckedOutOther', associateId: ownerNumber, name: 'Sol Owner' });
    expect(refused).toMatchObject({ success: false, type: 'Message', value: 'The file is checked out by Sol Owner' });
    expect(checkedIn).toMatchObject(done);
    expect(after).toEqual({ state: 'NotCheckedOut', associateId: 0, name: '' });
    expect(again).toMatchObject(done);
    expect(undone).toMatchObject(done);
    expect(last).toEqual({ state: 'NotCheckedOut', associateId: 0, name: '' });
    expect((await host.deps.files.get(file.fileId))?.content.description).toBe('Agenda agreed');
  });

  it("rejects a wrong key with an HTTP 401 whose body is SuperOffice's error object", async () => {
    // Prepare
    const file = await host.addFile('x', undefined, 'so-owner');
    new WebApi(host.baseUrl);
    const agent = new DocumentAgent({
      baseUrl: host.baseUrl,
      axiosConfig: { headers: { Authorization: 'Bearer wopi_not-a-key' }, proxy: false },
    });
    // Act
    const failure = await agent.getCheckoutStateAsync(file.docNo ?? 0).catch((error: unknown) => error);
    // Assess
    expect(failure).toMatchObject({
      response: { status: 401, data: { Error: true, ErrorType: 'Unauthorized', Message: 'The API key is not valid' } },
    });
  });
});
