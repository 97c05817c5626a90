// WOPI AddActivities against the emulators: the comments an editor's client reports are kept on the file's
// activity list, each activity answered in order with Status 0 (kept) or 3 (not kept, as the validator requires for
// an unknown type), a retried report is kept once, and a viewer or a malformed body changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_ID_MAX_CHARS } from '../../lambda/domain/client-activities';
import { recordOf } from '../support/wopi-files';
import { startTestHost, type TestHost } from '../support/wopi-host';

let host: TestHost;
beforeAll(async () => {
  host = await startTestHost();
});
afterAll(() => host.close());

const GUID = (n: number) => `0000000${n.toString(16)}-0000-0000-0000-000000000000`;

/** A comment activity as Office for the web sends one (its Timestamp is as malformed as the validator's). */
function comment(id: string, data: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) {
  return {
    Type: 'comment',
    Id: id,
    Timestamp: '2017-03-15T13:47:13000000Z',
    Data: { ContentId: 'cid123', ContentAction: 'created', ...data },
    ...extra,
  };
}

function addActivities(fileId: string, body: unknown, token?: string) {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return host.wopi(fileId, { override: 'ADD_ACTIVITIES', body: text, ...(token !== undefined && { token }) });
}

async function answersOf(res: Response): Promise<{ status: number; answers: unknown }> {
  return { status: res.status, answers: ((await res.json()) as { ActivityResponses: unknown }).ActivityResponses };
}

const comments = async (fileId: string) =>
  (await recordOf(host, fileId)).activity.filter((entry) => entry.what === 'comment');

describe('AddActivities', () => {
  it('keeps a comment with who made it and whom it mentions, and answers its Id with Status 0', async () => {
    // Prepare
    const file = await host.addFile();
    const people = [
      { Name: 'John Able', Id: '111', Provider: 'wopi-contoso', Mentioned: true },
      { Name: 'Bea Baker', Id: '222', Provider: 'wopi-contoso', Mentioned: false },
    ];
    const activity = comment(GUID(1), { CommentText: 'basic text', IsReply: true }, { People: people });
    // Act
    const res = await addActivities(file.fileId, { Activities: [activity] });
    // Assess
    expect(await answersOf(res)).toEqual({ status: 200, answers: [{ Id: GUID(1), Status: 0 }] });
    expect(await comments(file.fileId)).toEqual([
      {
        at: host.clock.now(),
        by: file.ownerId,
        what: 'comment',
        detail: 'created reply: basic text (mentions John Able)',
        ref: GUID(1),
      },
    ]);
  });

  it('answers every activity in order: an unknown type is Status 3, the comments beside it are kept', async () => {
    // Prepare
    const file = await host.addFile();
    const activities = [
      comment(GUID(2)),
      { Type: 'unsupported', Id: GUID(3) },
      comment(GUID(4), { ContentAction: 'deleted' }),
    ];
    // Act
    const res = await addActivities(file.fileId, { Activities: activities });
    // Assess
    expect(await answersOf(res)).toEqual({
      status: 200,
      answers: [
        { Id: GUID(2), Status: 0 },
        { Id: GUID(3), Status: 3, Message: 'Activities of type "unsupported" are not kept' },
        { Id: GUID(4), Status: 0 },
      ],
    });
    expect((await comments(file.fileId)).map((entry) => entry.ref)).toEqual([GUID(2), GUID(4)]);
  });

  it('keeps a retried report once', async () => {
    // Prepare
    const file = await host.addFile();
    await addActivities(file.fileId, { Activities: [comment(GUID(5))] });
    // Act
    const retried = await addActivities(file.fileId, { Activities: [comment(GUID(5)), comment(GUID(5))] });
    // Assess
    expect((await answersOf(retried)).answers).toEqual([
      { Id: GUID(5), Status: 0 },
      { Id: GUID(5), Status: 0 },
    ]);
    expect(await comments(file.fileId)).toHaveLength(1);
  });

  it('takes a ContentId and NavigationId of the longest length the validator sends, not one character more', async () => {
    // Prepare
    const file = await host.addFile();
    const longest = 'a'.repeat(CONTENT_ID_MAX_CHARS);
    const activities = [
      comment(GUID(6), { ContentId: longest, NavigationId: longest }),
      comment(GUID(7), { ContentId: `${longest}a` }),
      comment(GUID(8), { ContentAction: 'shouted' }),
    ];
    // Act
    const res = await addActivities(file.fileId, { Activities: activities });
    // Assess
    expect((await answersOf(res)).answers).toEqual([
      { Id: GUID(6), Status: 0 },
      { Id: GUID(7), Status: 3, Message: `Data.ContentId must be a string of 1 to ${CONTENT_ID_MAX_CHARS} characters` },
      { Id: GUID(8), Status: 3, Message: 'Data.ContentAction must be one of created, updated, deleted' },
    ]);
    expect(await comments(file.fileId)).toHaveLength(1);
  });

  it("refuses a viewer's report with 404 and keeps nothing", async () => {
    // Prepare
    const file = await host.addFile();
    await host.share(file.fileId, 'viewer', 'view');
    const token = await host.token(file.fileId, 'write', { userId: 'viewer' });
    // Act
    const res = await addActivities(file.fileId, { Activities: [comment(GUID(9))] }, token);
    // Assess
    expect(res.status).toBe(404);
    expect(await comments(file.fileId)).toEqual([]);
  });

  it.each([
    ['a body that is not JSON', 'not json'],
    ['Activities that is not a list', { Activities: {} }],
    ['an activity without an Id', { Activities: [comment(GUID(10)), { Type: 'comment' }] }],
    [
      'more activities than one request may carry',
      { Activities: Array.from({ length: 51 }, (_, i) => comment(GUID(i))) },
    ],
  ])('answers %s with 400 and keeps nothing', async (_, body) => {
    // Prepare
    const file = await host.addFile();
    // Act
    const res = await addActivities(file.fileId, body);
    // Assess
    expect(res.status).toBe(400);
    expect(await comments(file.fileId)).toEqual([]);
  });

  it('is announced in CheckFileInfo', async () => {
    // Prepare
    const file = await host.addFile();
    // Act
    const info = (await (await host.wopi(file.fileId, { method: 'GET' })).json()) as Record<string, unknown>;
    // Assess
    expect(info.SupportsAddActivities).toBe(true);
  });
});
