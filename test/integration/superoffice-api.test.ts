// The SuperOffice routes (seed 004: REST /api/v1/Document/{documentId}/Lock, and the Agents its client calls) against
// the emulators: ReturnInfo and CheckoutInfo, refusals as Message results or HTTP errors as allowedReturnTypes says,
// Agent bodies in any case, XML when asked, and Basic, Bearer and SOTicket keys.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueApiKey } from '../../lambda/domain/users';
import { addPeople, type People, type Person, sharedFile } from '../support/api-people';
import { startTestHost, type TestHost } from '../support/wopi-host';

// biome-ignore lint/suspicious/noExplicitAny: the tests read the JSON shapes of another system's API
const jsonOf = async (res: Response): Promise<any> => res.json();

let host: TestHost;
let people: People;
beforeAll(async () => {
  host = await startTestHost();
  people = await addPeople(host);
});
afterAll(() => host.close());

type Method = 'POST' | 'GET' | 'PUT' | 'DELETE';

function rest(method: Method, id: string | number, user: Person, query = '', headers: Record<string, string> = {}) {
  return fetch(`${host.baseUrl}/api/v1/Document/${id}/Lock${query}`, {
    method,
    headers: { Authorization: `Bearer ${people.keys[user]}`, Accept: 'application/json', ...headers },
  });
}

function agent(method: string, user: Person, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${host.baseUrl}/api/v1/Agents/Document/${method}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${people.keys[user]}`, 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

const success = (fileId: string, version = '1') => ({
  ExternalReference: fileId,
  VersionId: version,
  Success: true,
  Type: 'None',
  Value: '',
  AdditionalInfo: '',
});

describe('REST /api/v1/Document/{documentId}/Lock', () => {
  it('POST checks out the document its number names and answers ReturnInfo', async () => {
    // Prepare
    const file = await sharedFile(host);
    // Act
    const res = await rest('POST', file.docNo ?? 0, 'editor-1', '?allowedReturnTypes=Message');
    // Assess
    expect({ status: res.status, body: await jsonOf(res) }).toEqual({ status: 200, body: success(file.fileId) });
    expect((await host.deps.files.get(file.fileId))?.checkOut?.holder).toBe('editor-1');
  });

  it("GET says NotCheckedOut, then CheckedOutOwn to the holder and CheckedOutOther to others, with the holder's associate number and name", async () => {
    // Prepare
    const file = await sharedFile(host);
    const before = await jsonOf(await rest('GET', file.docNo ?? 0, 'editor-2'));
    await rest('POST', file.docNo ?? 0, 'editor-1');
    // Act
    const own = await jsonOf(await rest('GET', file.docNo ?? 0, 'editor-1'));
    const other = await jsonOf(await rest('GET', file.fileId, 'viewer-1'));
    // Assess
    const holder = people.users['editor-1'].associateId;
    expect(before).toEqual({ State: 'NotCheckedOut', AssociateId: 0, Name: '' });
    expect(own).toEqual({ State: 'CheckedOutOwn', AssociateId: holder, Name: 'Eddie Editor' });
    expect(other).toEqual({ State: 'CheckedOutOther', AssociateId: holder, Name: 'Eddie Editor' });
  });

  it('GET gives a holder made before associate numbers a number, the same every time', async () => {
    // Prepare: a user as one made before numbers is stored, without associateId
    await host.deps.users.putUser({ userId: 'old-editor', displayName: 'Old Editor' });
    const key = await issueApiKey(host.deps.users, 'old-editor', host.clock.now());
    const file = await sharedFile(host);
    await host.share(file.fileId, 'old-editor', 'edit');
    await fetch(`${host.baseUrl}/api/v1/Document/${file.docNo}/Lock`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${key}` },
    });
    // Act
    const first = await jsonOf(await rest('GET', file.docNo ?? 0, 'owner-1'));
    const second = await jsonOf(await rest('GET', file.docNo ?? 0, 'editor-1'));
    // Assess
    expect(first.AssociateId).toBeGreaterThan(0);
    expect(second.AssociateId).toBe(first.AssociateId);
    expect((await host.deps.users.getUser('old-editor'))?.associateId).toBe(first.AssociateId);
  });

  it('PUT checks in: the check-out ends and versionDescription is kept on the current version', async () => {
    // Prepare
    const file = await sharedFile(host);
    await rest('POST', file.docNo ?? 0, 'editor-1');
    // Act
    const res = await rest(
      'PUT',
      file.docNo ?? 0,
      'editor-1',
      '?versionDescription=Final+wording&versionExtraFields=a,b',
    );
    // Assess
    expect({ status: res.status, body: await jsonOf(res) }).toEqual({ status: 200, body: success(file.fileId) });
    const record = await host.deps.files.get(file.fileId);
    expect({ checkOut: record?.checkOut, description: record?.content.description }).toEqual({
      checkOut: undefined,
      description: 'Final wording',
    });
  });

  it('DELETE undoes the check-out', async () => {
    // Prepare
    const file = await sharedFile(host);
    await rest('POST', file.docNo ?? 0, 'editor-1');
    // Act
    const res = await rest('DELETE', file.fileId, 'editor-1', '?allowedReturnTypes=Message');
    // Assess
    expect({ status: res.status, body: await jsonOf(res) }).toEqual({ status: 200, body: success(file.fileId) });
    expect((await host.deps.files.get(file.fileId))?.checkOut).toBeUndefined();
  });

  it('POST .../Unlock, a route SuperOffice does not have, is gone: 404', async () => {
    const file = await sharedFile(host);
    const res = await fetch(`${host.baseUrl}/api/v1/Document/${file.docNo}/Unlock`, { method: 'POST' });
    expect(res.status).toBe(404);
  });
});

describe('refusals', () => {
  it.each([
    ['?allowedReturnTypes=Message'],
    [''],
    ['?allowedReturnTypes=None&allowedReturnTypes=Message'],
    ['?allowedReturnTypes%5B%5D=message'],
  ])(
    'are a 200 Message result, Success false, when allowedReturnTypes allows Message or is empty (%s)',
    async (query) => {
      // Prepare
      const file = await sharedFile(host);
      await rest('POST', file.docNo ?? 0, 'editor-1');
      // Act
      const res = await rest('POST', file.docNo ?? 0, 'editor-2', query);
      // Assess
      expect({ status: res.status, body: await jsonOf(res) }).toEqual({
        status: 200,
        body: {
          ExternalReference: file.fileId,
          VersionId: '1',
          Success: false,
          Type: 'Message',
          Value: 'The file is checked out by Eddie Editor',
          AdditionalInfo: '',
        },
      });
    },
  );

  it("are an HTTP error in SuperOffice's error shape when allowedReturnTypes excludes Message: 409 for the file's state, 403 for a missing right", async () => {
    // Prepare
    const file = await sharedFile(host);
    await rest('POST', file.docNo ?? 0, 'editor-1');
    // Act
    const held = await rest('POST', file.docNo ?? 0, 'editor-2', '?allowedReturnTypes=None,SoProtocol');
    const notHolder = await rest('DELETE', file.docNo ?? 0, 'editor-2', '?allowedReturnTypes=None');
    const viewer = await rest('PUT', file.docNo ?? 0, 'viewer-1', '?allowedReturnTypes=None');
    // Assess
    expect({ status: held.status, body: await jsonOf(held) }).toEqual({
      status: 409,
      body: {
        Error: true,
        ErrorType: 'Conflict',
        Message: 'The file is checked out by Eddie Editor',
        ErrorSource: 'wopi-host',
      },
    });
    expect([notHolder.status, (await jsonOf(notHolder)).ErrorType]).toEqual([403, 'Forbidden']);
    expect([viewer.status, (await jsonOf(viewer)).Message]).toEqual([409, 'The file is checked out by Eddie Editor']);
  });

  it('a missing right is a Message result too: a viewer checking out, someone else undoing', async () => {
    // Prepare
    const file = await sharedFile(host);
    // Act
    const viewer = await jsonOf(await rest('POST', file.docNo ?? 0, 'viewer-1', '?allowedReturnTypes=Message'));
    await rest('POST', file.docNo ?? 0, 'editor-1');
    const undo = await jsonOf(await rest('DELETE', file.docNo ?? 0, 'editor-2'));
    // Assess
    expect(viewer).toMatchObject({
      Success: false,
      Type: 'Message',
      Value: 'Only a user with edit rights can check out',
    });
    expect(undo).toMatchObject({ Success: false, Type: 'Message', Value: expect.stringMatching(/^Only Eddie Editor/) });
  });

  it('not a refusal, never a Message: no access and no such document are 404, whatever allowedReturnTypes says', async () => {
    // Prepare
    const file = await sharedFile(host);
    // Act
    const stranger = await rest('POST', file.docNo ?? 0, 'stranger', '?allowedReturnTypes=Message');
    const unknown = await rest('GET', 2147483647, 'editor-1');
    // Assess
    expect([stranger.status, unknown.status]).toEqual([404, 404]);
    expect(await jsonOf(stranger)).toMatchObject({ Error: true, ErrorType: 'NotFound' });
  });
});

describe('Agents /api/v1/Agents/Document/<Method>', () => {
  it('takes DocumentId and the other properties in any case, the id a number or our string id', async () => {
    // Prepare
    const file = await sharedFile(host);
    // Act
    const out = await agent('CheckoutDocument', 'editor-1', {
      DocumentId: file.docNo,
      AllowedReturnTypes: ['Message'],
    });
    const state = await jsonOf(await agent('GetCheckoutState', 'editor-1', { documentid: file.fileId }));
    const checkin = await agent('CheckinDocument', 'editor-1', {
      DOCUMENTID: file.docNo,
      allowedreturntypes: null,
      VersionDescription: 'Agreed',
      versionExtraFields: ['x'],
    });
    const again = await agent('CheckoutDocument', 'editor-1', { documentId: file.docNo });
    const undo = await agent('UndoCheckoutDocument', 'editor-1', { dOcUmEnTiD: file.docNo });
    // Assess
    expect(await jsonOf(out)).toEqual(success(file.fileId));
    expect(state).toMatchObject({ State: 'CheckedOutOwn', Name: 'Eddie Editor' });
    expect((await jsonOf(checkin)).Success).toBe(true);
    expect([again.status, undo.status]).toEqual([200, 200]);
    const record = await host.deps.files.get(file.fileId);
    expect({ checkOut: record?.checkOut, description: record?.content.description }).toEqual({
      checkOut: undefined,
      description: 'Agreed',
    });
  });

  it('answers refusals as the REST routes do', async () => {
    // Prepare
    const file = await sharedFile(host);
    await agent('CheckoutDocument', 'editor-1', { documentId: file.docNo });
    // Act
    const message = await agent('CheckoutDocument', 'editor-2', { documentId: file.docNo, allowedReturnTypes: [] });
    const error = await agent('CheckinDocument', 'editor-2', { documentId: file.docNo, allowedReturnTypes: ['None'] });
    // Assess
    expect(await jsonOf(message)).toMatchObject({ Success: false, Type: 'Message' });
    expect({ status: error.status, body: await jsonOf(error) }).toMatchObject({
      status: 409,
      body: { Error: true, Message: 'The file is checked out by Eddie Editor' },
    });
  });

  it('answers 400 with a reason for a bad body: not JSON, no DocumentId, or properties of the wrong type', async () => {
    // Prepare
    const file = await sharedFile(host);
    // Act
    const answers = await Promise.all(
      [
        '{"documentId": ',
        {},
        { documentId: true },
        { documentId: 1.5 },
        { documentId: file.docNo, allowedReturnTypes: 'Message' },
        { documentId: file.docNo, versionDescription: 7 },
        { documentId: file.docNo, versionExtraFields: [1] },
      ].map((body) => agent('CheckinDocument', 'editor-1', body)),
    );
    // Assess
    expect(answers.map((res) => res.status)).toEqual([400, 400, 400, 400, 400, 400, 400]);
    expect(await jsonOf(answers[1] as Response)).toEqual({
      Error: true,
      ErrorType: 'BadRequest',
      Message: 'DocumentId must be a document number',
      ErrorSource: 'wopi-host',
    });
  });
});

describe('XML', () => {
  it('answers ReturnInfo as XML for Accept: application/xml', async () => {
    // Prepare
    const file = await sharedFile(host);
    // Act
    const res = await rest('POST', file.docNo ?? 0, 'editor-1', '', { Accept: 'application/xml' });
    // Assess
    expect(res.headers.get('content-type')).toBe('application/xml; charset=utf-8');
    expect(await res.text()).toBe(
      `<?xml version="1.0" encoding="utf-8"?><ReturnInfo><ExternalReference>${file.fileId}</ExternalReference>` +
        '<VersionId>1</VersionId><Success>true</Success><Type>None</Type><Value></Value><AdditionalInfo></AdditionalInfo>' +
        '</ReturnInfo>',
    );
  });

  it('answers CheckoutInfo, a Message refusal and an error as XML for Accept: text/xml, escaping what a user named', async () => {
    // Prepare: a holder whose name is markup
    await host.deps.users.putUser({ userId: 'markup', displayName: 'Mal <b>"&\'</b>' });
    const key = await issueApiKey(host.deps.users, 'markup', host.clock.now());
    const file = await sharedFile(host);
    await host.share(file.fileId, 'markup', 'edit');
    await fetch(`${host.baseUrl}/api/v1/Document/${file.docNo}/Lock`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${key}` },
    });
    const xml = { Accept: 'text/xml' };
    // Act
    const state = await rest('GET', file.docNo ?? 0, 'editor-1', '', xml);
    const refusal = await rest('POST', file.docNo ?? 0, 'editor-1', '', xml);
    const error = await rest('POST', 2147483647, 'editor-1', '', xml);
    // Assess
    const associateId = (await host.deps.users.getUser('markup'))?.associateId;
    expect(state.headers.get('content-type')).toBe('text/xml; charset=utf-8');
    expect(await state.text()).toContain(
      `<CheckoutInfo><State>CheckedOutOther</State><AssociateId>${associateId}</AssociateId>` +
        `<Name>Mal &lt;b&gt;"&amp;'&lt;/b&gt;</Name></CheckoutInfo>`,
    );
    expect(await refusal.text()).toContain('<Value>The file is checked out by Mal &lt;b&gt;"&amp;\'&lt;/b&gt;</Value>');
    expect({ status: error.status, body: await error.text() }).toEqual({
      status: 404,
      body:
        '<?xml version="1.0" encoding="utf-8"?><Error><Error>true</Error><ErrorType>NotFound</ErrorType>' +
        '<Message>No document 2147483647</Message><ErrorSource>wopi-host</ErrorSource></Error>',
    });
  });

  it.each([
    ['application/json, text/xml', 'application/json; charset=utf-8'],
    ['text/xml;q=0.5, application/json;q=0.9', 'application/json; charset=utf-8'],
    ['application/json;q=0.5, application/xml', 'application/xml; charset=utf-8'],
    ['*/*', 'application/json; charset=utf-8'],
    ['', 'application/json; charset=utf-8'],
  ])('negotiates Accept %j to %s', async (accept, contentType) => {
    // Prepare
    const file = await sharedFile(host);
    // Act
    const res = await rest('GET', file.docNo ?? 0, 'editor-1', '', { Accept: accept });
    // Assess
    expect(res.headers.get('content-type')).toBe(contentType);
  });
});

describe('SuperOffice authentication', () => {
  it('takes the key as Bearer, as SOTicket, and as Basic with the user id', async () => {
    // Prepare
    const file = await sharedFile(host);
    const key = people.keys['editor-1'];
    const forms = [`Bearer ${key}`, `SOTicket ${key}`, `Basic ${Buffer.from(`editor-1:${key}`).toString('base64')}`];
    // Act
    const states = await Promise.all(
      forms.map(
        async (authorization) =>
          (await jsonOf(await rest('GET', file.docNo ?? 0, 'editor-1', '', { Authorization: authorization }))).State,
      ),
    );
    // Assess
    expect(states).toEqual(['NotCheckedOut', 'NotCheckedOut', 'NotCheckedOut']);
  });

  it("answers 401 in SuperOffice's error shape for Basic naming another user, and for no key", async () => {
    // Prepare
    const file = await sharedFile(host);
    const wrongUser = `Basic ${Buffer.from(`editor-2:${people.keys['editor-1']}`).toString('base64')}`;
    // Act
    const basic = await rest('POST', file.docNo ?? 0, 'editor-1', '', { Authorization: wrongUser });
    const none = await fetch(`${host.baseUrl}/api/v1/Agents/Document/GetCheckoutState`, {
      method: 'POST',
      body: JSON.stringify({ documentId: file.docNo }),
    });
    // Assess
    expect([basic.status, none.status]).toEqual([401, 401]);
    expect(await jsonOf(none)).toEqual({
      Error: true,
      ErrorType: 'Unauthorized',
      Message: 'An API key is required',
      ErrorSource: 'wopi-host',
    });
  });
});
