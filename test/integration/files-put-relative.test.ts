// PutRelativeFile (X-WOPI-Override PUT_RELATIVE) against the real emulators: both modes, UTF-7 names, overwrite.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addTestFile, bytesOf, currentBytes, lockFile, recordOf, uniqueOwner } from '../support/wopi-files';
import { startTestHost, type TestHost } from '../support/wopi-host';

let host: TestHost;
beforeAll(async () => {
  host = await startTestHost();
});
afterAll(() => host.close());

interface Created {
  readonly Name: string;
  readonly Url: string;
}

function putRelative(fileId: string, headers: Record<string, string>, body = 'relative bytes'): Promise<Response> {
  return host.wopi(fileId, { override: 'PUT_RELATIVE', headers, body });
}

/** The new file's id, read from the Url the response gives. */
function fileIdOf(created: Created): string {
  return new URL(created.Url).pathname.split('/').at(-1) ?? '';
}

async function createdBytes(created: Created): Promise<string> {
  return (await currentBytes(host, fileIdOf(created))).toString();
}

describe('PutRelativeFile, X-WOPI-SuggestedTarget', () => {
  it('"an extension ... host picks a free name": ".pdf" gives the source name with .pdf', async () => {
    // Prepare
    const source = await addTestFile(host, { name: 'Quarterly report.docx' });
    // Act
    const res = await putRelative(source.fileId, { 'X-WOPI-SuggestedTarget': '.pdf' }, 'pdf bytes');
    // Assess
    expect(res.status).toBe(200);
    const created = (await res.json()) as Created;
    expect(created.Name).toBe('Quarterly report.pdf');
    expect(await createdBytes(created)).toBe('pdf bytes');
  });

  it('"a full name" that is taken: the host picks "name (2).ext", never 409 or 400', async () => {
    // Prepare
    const owner = uniqueOwner();
    const source = await addTestFile(host, { name: 'source.docx', owner });
    await addTestFile(host, { name: 'copy.docx', owner });
    // Act
    const res = await putRelative(source.fileId, { 'X-WOPI-SuggestedTarget': 'copy.docx' });
    // Assess
    expect(res.status).toBe(200);
    expect(((await res.json()) as Created).Name).toBe('copy (2).docx');
  });

  it('sanitizes path separators in a suggested name instead of refusing it', async () => {
    // Prepare
    const source = await addTestFile(host, { name: 'source.docx' });
    // Act
    const res = await putRelative(source.fileId, { 'X-WOPI-SuggestedTarget': 'a/b\\c.docx' });
    // Assess
    expect(res.status).toBe(200);
    const created = (await res.json()) as Created;
    expect(created.Name).not.toMatch(/[/\\]/);
    expect(created.Name.endsWith('.docx')).toBe(true);
  });

  it('decodes UTF-7: "+ZeVnLIqe-.docx" is "日本語.docx"', async () => {
    // Prepare
    const source = await addTestFile(host, { name: 'source.docx' });
    // Act
    const res = await putRelative(source.fileId, { 'X-WOPI-SuggestedTarget': '+ZeVnLIqe-.docx' });
    // Assess
    expect(res.status).toBe(200);
    expect(((await res.json()) as Created).Name).toBe('日本語.docx');
  });

  it("creates the new file under the source file's owner", async () => {
    // Prepare
    const source = await addTestFile(host, { name: 'source.docx' });
    // Act
    const res = await putRelative(source.fileId, { 'X-WOPI-SuggestedTarget': '.odt' });
    // Assess
    const created = (await res.json()) as Created;
    expect((await recordOf(host, fileIdOf(created))).ownerId).toBe(source.ownerId);
  });
});

describe('PutRelativeFile, X-WOPI-RelativeTarget', () => {
  it('creates a free name exactly: 200 with Name and a Url whose fresh access_token works for CheckFileInfo', async () => {
    // Prepare
    const source = await addTestFile(host, { name: 'source.docx' });
    // Act
    const res = await putRelative(source.fileId, { 'X-WOPI-RelativeTarget': 'exact name.docx' }, 'exact bytes');
    // Assess
    expect(res.status).toBe(200);
    const created = (await res.json()) as Created;
    expect(created.Name).toBe('exact name.docx');
    expect(new URL(created.Url).searchParams.get('access_token')).toBeTruthy();
    const info = await fetch(created.Url);
    expect(info.status).toBe(200);
    expect(((await info.json()) as Record<string, unknown>).BaseFileName).toBe('exact name.docx');
    expect(await createdBytes(created)).toBe('exact bytes');
  });

  it('"409 with X-WOPI-ValidRelativeTarget when taken"', async () => {
    // Prepare
    const owner = uniqueOwner();
    const source = await addTestFile(host, { name: 'source.docx', owner });
    const taken = await addTestFile(host, { name: 'taken.docx', owner, bytes: 'original' });
    // Act
    const res = await putRelative(source.fileId, { 'X-WOPI-RelativeTarget': 'taken.docx' });
    // Assess
    expect(res.status).toBe(409);
    expect(res.headers.get('x-wopi-validrelativetarget')).toBe('taken (2).docx');
    expect((await currentBytes(host, taken.fileId)).toString()).toBe('original');
  });

  it('"unless X-WOPI-OverwriteRelativeTarget: true and the target is not locked": 200 and the target content replaced', async () => {
    // Prepare
    const owner = uniqueOwner();
    const source = await addTestFile(host, { name: 'source.docx', owner });
    const target = await addTestFile(host, { name: 'target.docx', owner, bytes: 'original' });
    // Act
    const res = await putRelative(
      source.fileId,
      { 'X-WOPI-RelativeTarget': 'target.docx', 'X-WOPI-OverwriteRelativeTarget': 'true' },
      'replacement',
    );
    // Assess
    expect(res.status).toBe(200);
    const created = (await res.json()) as Created;
    expect(created.Name).toBe('target.docx');
    expect(fileIdOf(created)).toBe(target.fileId);
    expect((await currentBytes(host, target.fileId)).toString()).toBe('replacement');
  });

  it("answers 409 with the target's lock when overwrite is asked but the target is locked", async () => {
    // Prepare
    const owner = uniqueOwner();
    const source = await addTestFile(host, { name: 'source.docx', owner });
    const target = await addTestFile(host, { name: 'target.docx', owner, bytes: 'original' });
    await lockFile(host, target.fileId, 'target-lock');
    // Act
    const res = await putRelative(
      source.fileId,
      { 'X-WOPI-RelativeTarget': 'target.docx', 'X-WOPI-OverwriteRelativeTarget': 'true' },
      'replacement',
    );
    // Assess
    expect(res.status).toBe(409);
    expect(res.headers.get('x-wopi-lock')).toBe('target-lock');
    expect((await currentBytes(host, target.fileId)).toString()).toBe('original');
  });

  it('answers 400 to a relative target with a path separator', async () => {
    // Prepare
    const source = await addTestFile(host, { name: 'source.docx' });
    // Act
    const slash = await putRelative(source.fileId, { 'X-WOPI-RelativeTarget': 'a/b.docx' });
    const backslash = await putRelative(source.fileId, { 'X-WOPI-RelativeTarget': 'a\\b.docx' });
    // Assess
    expect(slash.status).toBe(400);
    expect(backslash.status).toBe(400);
  });

  it('decodes UTF-7 in the relative target', async () => {
    // Prepare
    const source = await addTestFile(host, { name: 'source.docx' });
    // Act
    const res = await putRelative(source.fileId, { 'X-WOPI-RelativeTarget': '+ZeVnLIqe-.docx' });
    // Assess
    expect(res.status).toBe(200);
    expect(((await res.json()) as Created).Name).toBe('日本語.docx');
  });
});

describe('PutRelativeFile, bad input', () => {
  it('"400 when both ... header is given"', async () => {
    // Prepare
    const source = await addTestFile(host, { name: 'source.docx' });
    // Act
    const res = await putRelative(source.fileId, {
      'X-WOPI-SuggestedTarget': '.pdf',
      'X-WOPI-RelativeTarget': 'exact.pdf',
    });
    // Assess
    expect(res.status).toBe(400);
  });

  it('"400 when ... neither header is given"', async () => {
    // Prepare
    const source = await addTestFile(host, { name: 'source.docx' });
    // Act
    const res = await putRelative(source.fileId, {});
    // Assess
    expect(res.status).toBe(400);
  });

  it('answers 404 to a read-only token and creates nothing', async () => {
    // Prepare
    const source = await addTestFile(host, { name: 'source.docx' });
    // Act
    const res = await host.wopi(source.fileId, {
      override: 'PUT_RELATIVE',
      headers: { 'X-WOPI-RelativeTarget': 'viewer copy.docx' },
      body: 'viewer bytes',
      token: await host.token(source.fileId, 'read'),
    });
    // Assess
    expect(res.status).toBe(404);
    expect((await host.deps.names.get(source.ownerId, 'viewer copy.docx'))?.fileId).toBeUndefined();
  });

  it('stores the body byte-exact in the new file', async () => {
    // Prepare
    const source = await addTestFile(host, { name: 'source.docx' });
    const bytes = Buffer.from([0, 255, 10, 13, 0x80]);
    // Act
    const res = await host.wopi(source.fileId, {
      override: 'PUT_RELATIVE',
      headers: { 'X-WOPI-RelativeTarget': 'binary.bin' },
      body: bytes,
    });
    // Assess
    const created = (await res.json()) as Created;
    const got = await fetch(created.Url.replace('?', '/contents?'));
    expect((await bytesOf(got)).equals(bytes)).toBe(true);
  });
});
