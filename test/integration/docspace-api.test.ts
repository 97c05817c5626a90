// The DocSpace routes (seed 003) against the emulators, answering what DocSpace's own clients read: the envelope with
// its links, the file object (numeric id, locked true or left out, lockedBy only for someone else's check-out), the
// protectusers items, DocSpace's status codes and error envelope, and its three ways of sending the key.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addPeople, type People, type Person, sharedFile } from '../support/api-people';
import { lock } from '../support/lock-calls';
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

const fileUrl = (id: string | number, tail = '') => `${host.baseUrl}/api/2.0/files/file/${id}${tail}`;

function lockFile(id: string | number, user: Person, body: unknown, headers: Record<string, string> = {}) {
  return fetch(fileUrl(id, '/lock'), {
    method: 'PUT',
    headers: { Authorization: `Bearer ${people.keys[user]}`, 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

function getAs(user: Person, url: string) {
  return fetch(url, { headers: { Authorization: `Bearer ${people.keys[user]}` } });
}

describe('PUT /api/2.0/files/file/{fileId}/lock', () => {
  it('checks out a file addressed by its document number and answers the file object in the envelope, links naming the request', async () => {
    // Prepare
    const file = await sharedFile(host, 'Plan.DOCX');
    // Act
    const res = await lockFile(file.docNo ?? 0, 'editor-1', { lockFile: true });
    // Assess
    expect(res.status).toBe(200);
    expect(await jsonOf(res)).toEqual({
      response: {
        id: file.docNo,
        title: 'Plan.DOCX',
        fileExst: '.docx',
        version: 1,
        pureContentLength: 14,
        updated: new Date(file.content.modifiedAt).toISOString(),
        createdBy: { id: 'owner-1', displayName: 'Olivia Owner' },
        fileStatus: 0,
        locked: true,
      },
      count: 1,
      links: [{ href: fileUrl(file.docNo ?? 0, '/lock'), action: 'PUT' }],
      status: 0,
      statusCode: 200,
    });
    expect((await host.deps.files.get(file.fileId))?.checkOut?.holder).toBe('editor-1');
  });

  it('still takes our string file id', async () => {
    // Prepare
    const file = await sharedFile(host);
    // Act
    const res = await lockFile(file.fileId, 'editor-1', { lockFile: true });
    // Assess
    expect({ status: res.status, id: (await jsonOf(res)).response.id }).toEqual({ status: 200, id: file.docNo });
  });

  it('unlocks with {"lockFile": false} and with {} (a missing lockFile is false), and leaves `locked` out then', async () => {
    for (const unlock of [{ lockFile: false }, {}]) {
      // Prepare
      const file = await sharedFile(host);
      await lockFile(file.docNo ?? 0, 'editor-1', { lockFile: true });
      // Act
      const res = await lockFile(file.docNo ?? 0, 'editor-1', unlock);
      // Assess
      const { response } = await jsonOf(res);
      expect({ status: res.status, locked: 'locked' in response, lockedBy: 'lockedBy' in response }).toEqual({
        status: 200,
        locked: false,
        lockedBy: false,
      });
      expect((await host.deps.files.get(file.fileId))?.checkOut).toBeUndefined();
    }
  });

  it('reads "LockFile" spelled in any case', async () => {
    // Prepare
    const file = await sharedFile(host);
    // Act
    const locked = await lockFile(file.docNo ?? 0, 'editor-1', { LockFile: true });
    const stillLocked = (await host.deps.files.get(file.fileId))?.checkOut?.holder;
    const unlocked = await lockFile(file.docNo ?? 0, 'editor-1', { LOCKFILE: false });
    // Assess
    expect([locked.status, stillLocked, unlocked.status]).toEqual([200, 'editor-1', 200]);
    expect((await host.deps.files.get(file.fileId))?.checkOut).toBeUndefined();
  });

  it('leaves pureContentLength out for an empty file, as DocSpace does for 0', async () => {
    // Prepare
    const file = await sharedFile(host, undefined, '');
    // Act
    const { response } = await jsonOf(await lockFile(file.docNo ?? 0, 'editor-1', { lockFile: true }));
    // Assess
    expect('pureContentLength' in response).toBe(false);
  });

  it("refuses with DocSpace's 403 and error envelope: a viewer, and a check-out held by someone else", async () => {
    // Prepare
    const file = await sharedFile(host);
    // Act
    const byViewer = await lockFile(file.docNo ?? 0, 'viewer-1', { lockFile: true });
    await lockFile(file.docNo ?? 0, 'editor-1', { lockFile: true });
    const byOtherEditor = await lockFile(file.docNo ?? 0, 'editor-2', { lockFile: true });
    const undoByOtherEditor = await lockFile(file.docNo ?? 0, 'editor-2', { lockFile: false });
    // Assess
    expect(await jsonOf(byViewer)).toEqual({
      error: { message: 'Only a user with edit rights can check out' },
      status: 1,
      statusCode: 403,
    });
    expect([byViewer.status, byOtherEditor.status, undoByOtherEditor.status]).toEqual([403, 403, 403]);
    expect((await jsonOf(byOtherEditor)).error.message).toBe('The file is checked out by Eddie Editor');
  });

  it('answers 404, not 403, to a user without any access, and for numbers no file holds, so a number reveals nothing', async () => {
    // Prepare
    const file = await sharedFile(host);
    // Act
    const statuses = [
      (await lockFile(file.docNo ?? 0, 'stranger', { lockFile: true })).status,
      (await lockFile(2147483647, 'editor-1', { lockFile: true })).status,
      (await lockFile('2147483648', 'editor-1', { lockFile: true })).status,
      (await lockFile(`0${file.docNo}`, 'editor-1', { lockFile: true })).status,
    ];
    // Assess
    expect(statuses).toEqual([404, 404, 404, 404]);
  });

  it('answers 400 with a reason for a body that is not a JSON object or a lockFile that is not a boolean', async () => {
    // Prepare
    const file = await sharedFile(host);
    // Act
    const answers = await Promise.all(
      ['{"lockFile": tru', '[true]', '', '{"lockFile": "yes"}'].map((body) =>
        lockFile(file.docNo ?? 0, 'editor-1', body),
      ),
    );
    // Assess
    expect(answers.map((res) => res.status)).toEqual([400, 400, 400, 400]);
    expect((await jsonOf(answers[3] as Response)).error.message).toBe('lockFile must be true or false');
  });
});

describe('GET /api/2.0/files/file/{fileId}', () => {
  it('answers the same file object, so a client reads the lock back: lockedBy names the holder only to others', async () => {
    // Prepare
    const file = await sharedFile(host);
    await lockFile(file.docNo ?? 0, 'editor-1', { lockFile: true });
    // Act
    const holder = (await jsonOf(await getAs('editor-1', fileUrl(file.docNo ?? 0)))).response;
    const other = await jsonOf(await getAs('editor-2', fileUrl(file.fileId)));
    // Assess
    expect(holder).toMatchObject({ id: file.docNo, locked: true });
    expect('lockedBy' in holder).toBe(false);
    expect(other.response).toMatchObject({ id: file.docNo, locked: true, lockedBy: 'Eddie Editor' });
    expect(other.links).toEqual([{ href: fileUrl(file.fileId), action: 'GET' }]);
  });

  it('says fileStatus IsEditing (0x1) while a WOPI session holds a live lock, and has no invented `editing`', async () => {
    // Prepare
    const file = await sharedFile(host);
    const before = (await jsonOf(await getAs('editor-1', fileUrl(file.docNo ?? 0)))).response;
    await lock(host, file.fileId, 'session-1');
    // Act
    const during = (await jsonOf(await getAs('editor-1', fileUrl(file.docNo ?? 0)))).response;
    // Assess
    expect([before.fileStatus, during.fileStatus, 'editing' in during]).toEqual([0, 1, false]);
  });

  it('gives a file made before document numbers its number on first use, the same on every later one', async () => {
    // Prepare: the record as such a file has it, without docNo
    const made = await sharedFile(host);
    const { docNo: _, ...numberless } = made;
    const record = { ...numberless, fileId: `${made.fileId.slice(0, 20)}zz` };
    await host.deps.files.create(record);
    // Act
    const first = (await jsonOf(await getAs('owner-1', fileUrl(record.fileId)))).response.id;
    const second = (await jsonOf(await getAs('owner-1', fileUrl(first)))).response.id;
    // Assess
    expect(typeof first).toBe('number');
    expect(second).toBe(first);
    expect((await host.deps.files.get(record.fileId))?.docNo).toBe(first);
  });
});

describe('GET /api/2.0/files/file/{fileId}/protectusers', () => {
  it("lists everyone with access but the caller, by name, shaped as DocSpace's MentionWrapper", async () => {
    // Prepare
    const file = await sharedFile(host);
    // Act
    const res = await getAs('editor-1', fileUrl(file.docNo ?? 0, '/protectusers'));
    // Assess
    const body = await jsonOf(res);
    expect({ status: res.status, count: body.count }).toEqual({ status: 200, count: 3 });
    expect(body.response).toEqual([
      {
        id: 'editor-2',
        name: 'Erin Editor',
        email: '',
        image: '',
        hasAccess: true,
        user: { id: 'editor-2', userName: 'editor-2', displayName: 'Erin Editor', email: '' },
      },
      {
        id: 'owner-1',
        name: 'Olivia Owner',
        email: 'olivia@example.com',
        image: '',
        hasAccess: true,
        user: { id: 'owner-1', userName: 'owner-1', displayName: 'Olivia Owner', email: 'olivia@example.com' },
      },
      {
        id: 'viewer-1',
        name: 'Vic Viewer',
        email: 'vic@example.com',
        image: '',
        hasAccess: true,
        user: { id: 'viewer-1', userName: 'viewer-1', displayName: 'Vic Viewer', email: 'vic@example.com' },
      },
    ]);
  });

  it('answers 404 to a user without access', async () => {
    const file = await sharedFile(host);
    expect((await getAs('stranger', fileUrl(file.docNo ?? 0, '/protectusers'))).status).toBe(404);
  });
});

describe('DocSpace authentication', () => {
  it('takes the key as Authorization: Bearer, as a bare Authorization, and as the asc_auth_key cookie', async () => {
    // Prepare
    const file = await sharedFile(host);
    const key = people.keys['editor-1'];
    const url = fileUrl(file.docNo ?? 0);
    // Act
    const forms: Record<string, string>[] = [
      { Authorization: `Bearer ${key}` },
      { Authorization: key },
      { Cookie: `theme=dark; asc_auth_key=${key}` },
    ];
    const statuses = await Promise.all(forms.map(async (headers) => (await fetch(url, { headers })).status));
    // Assess
    expect(statuses).toEqual([200, 200, 200]);
  });

  it('answers 401 in the error envelope without a key, or with one it does not know', async () => {
    // Prepare
    const file = await sharedFile(host);
    const url = fileUrl(file.docNo ?? 0);
    // Act
    const none = await fetch(url);
    const unknown = await fetch(url, { headers: { Cookie: 'asc_auth_key=wopi_not-a-key' } });
    // Assess
    expect([none.status, unknown.status]).toEqual([401, 401]);
    expect(await jsonOf(none)).toEqual({ error: { message: 'An API key is required' }, status: 1, statusCode: 401 });
  });
});
