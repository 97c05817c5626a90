// Issue 11, finding 1: "PutRelativeFile overwrites files the caller cannot see". The editor of one shared file names
// one of the owner's private files as X-WOPI-RelativeTarget: the private file stays as it was, the answer carries
// no token for it, and the answer is the same whether the owner has such a file or not (no 409 oracle).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAccessToken } from '../../lambda/auth/access-token';
import type { FileRecord } from '../../lambda/domain/file-record';
import { addTestFile, currentBytes, recordOf, uniqueOwner } from '../support/wopi-files';
import { startTestHost, type TestHost } from '../support/wopi-host';

let host: TestHost;
beforeAll(async () => {
  host = await startTestHost();
});
afterAll(() => host.close());

const PRIVATE_NAME = 'salaries.xlsx';

interface Scene {
  readonly source: FileRecord;
  /** The owner's file of PRIVATE_NAME, never shared with the editor (absent in the scene without one). */
  readonly hidden: FileRecord | undefined;
  readonly editor: string;
}

/** An owner with a file shared with a fresh editor, and, if asked, a private file named PRIVATE_NAME. */
async function scene(withPrivateFile: boolean): Promise<Scene> {
  const owner = uniqueOwner();
  const source = await addTestFile(host, { name: 'shared.xlsx', owner });
  const hidden = withPrivateFile
    ? await addTestFile(host, { name: PRIVATE_NAME, owner, bytes: 'the owner’s private numbers' })
    : undefined;
  const editor = `editor-${uniqueOwner()}`;
  await host.share(source.fileId, editor, 'edit');
  return { source, hidden, editor };
}

async function putRelativeAs(at: Scene, headers: Record<string, string>): Promise<Response> {
  return host.wopi(at.source.fileId, {
    override: 'PUT_RELATIVE',
    headers: { 'X-WOPI-RelativeTarget': PRIVATE_NAME, ...headers },
    body: 'the editor’s bytes',
    token: await host.token(at.source.fileId, 'write', { userId: at.editor }),
  });
}

/** What an answer tells the caller, with the parts that differ by file id alone left out. */
async function answerOf(res: Response) {
  const body = res.status === 200 ? ((await res.json()) as { Name?: string; Url?: string }) : {};
  return {
    status: res.status,
    name: body.Name,
    validRelativeTarget: res.headers.get('x-wopi-validrelativetarget'),
    lock: res.headers.get('x-wopi-lock'),
  };
}

async function createdFileId(res: Response): Promise<string> {
  const { Url } = (await res.clone().json()) as { Url: string };
  return new URL(Url).pathname.split('/').at(-1) ?? '';
}

describe.each<{ mode: string; headers: Record<string, string> }>([
  { mode: 'without X-WOPI-OverwriteRelativeTarget', headers: {} },
  { mode: 'with X-WOPI-OverwriteRelativeTarget: true', headers: { 'X-WOPI-OverwriteRelativeTarget': 'true' } },
])('PutRelativeFile by an editor naming the owner’s private file, $mode', ({ headers }) => {
  it('leaves the private file exactly as it was: bytes, version, name and owner', async () => {
    // Prepare
    const at = await scene(true);
    const before = await recordOf(host, at.hidden?.fileId ?? '');
    // Act
    await putRelativeAs(at, headers);
    // Assess
    const after = await recordOf(host, before.fileId);
    expect({ ...after, activity: undefined }).toEqual({ ...before, activity: undefined });
    expect((await currentBytes(host, before.fileId)).toString()).toBe('the owner’s private numbers');
  });

  it('hands back no token for the private file: the new file is among the editor’s own documents', async () => {
    // Prepare
    const at = await scene(true);
    // Act
    const res = await putRelativeAs(at, headers);
    // Assess
    expect(res.status).toBe(200);
    const created = await createdFileId(res);
    const { Url } = (await res.json()) as { Url: string };
    const token = new URL(Url).searchParams.get('access_token') ?? '';
    const forHidden = verifyAccessToken(host.deps.tokenSecret, token, at.hidden?.fileId ?? '', host.clock.now());
    await expect(forHidden).rejects.toMatchObject({ name: 'UnauthorizedError' });
    expect(created).not.toBe(at.hidden?.fileId);
    expect((await recordOf(host, created)).ownerId).toBe(at.editor);
  });

  it('answers the same whether the owner has a file of that name or not (no oracle)', async () => {
    // Prepare
    const withFile = await scene(true);
    const withoutFile = await scene(false);
    // Act
    const answers = [await answerOf(await putRelativeAs(withFile, headers))];
    answers.push(await answerOf(await putRelativeAs(withoutFile, headers)));
    // Assess
    expect(answers[0]).toEqual(answers[1]);
    expect(answers[0]).toMatchObject({ status: 200, name: PRIVATE_NAME });
  });
});
