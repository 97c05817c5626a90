// Uploads straight to S3: POST /host/api/files {"name", "size", "sha256"?} plans one (a presigned PUT URL and a
// ticket), the bytes go to S3, POST /host/api/files/{id}/commit makes them the file once read back and found to be
// what was planned. Other bytes or another size fail the commit with a 4xx and leave no file; a commit replayed is
// the same file, not a second one.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { expectRefusal, useApiHost } from '../support/files-api-calls';

interface Plan {
  readonly fileId: string;
  readonly method: string;
  readonly url: string;
  readonly ticket: string;
  readonly commitUrl: string;
}

const api = useApiHost();

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('base64');

async function plan(name: string, bytes: Buffer, withSha = true): Promise<Plan> {
  const planned = await api.call('owner-1', 'POST', '/host/api/files', {
    name,
    size: bytes.length,
    ...(withSha && { sha256: sha256(bytes) }),
  });
  expect(planned.status).toBe(200);
  return planned.body as Plan;
}

/** The PUT to the presigned URL; S3 itself may refuse a body of another length than the URL was signed for. */
const put = (url: string, body: Buffer) => fetch(url, { method: 'PUT', body }).then((response) => response.status);

const commit = (plan: Plan, who: 'owner-1' | 'editor-1' = 'owner-1') =>
  api.call(who, 'POST', `/host/api/files/${plan.fileId}/commit`, { ticket: plan.ticket });

async function ownFilesNamed(name: string) {
  const listed = (await api.call('owner-1', 'GET', '/host/api/files')).body as {
    files: { id: string; name: string }[];
  };
  return listed.files.filter((file) => file.name === name);
}

describe('an upload: plan, PUT, commit', () => {
  it('makes the file of exactly the bytes PUT, with their size and SHA-256', async () => {
    // Prepare
    const bytes = Buffer.from('uploaded straight to S3 \u00e9\u00e8');
    const planned = await plan('Upload.bin', bytes);
    expect(planned.method).toBe('PUT');
    expect(await put(planned.url, bytes)).toBe(200);
    // Act
    const committed = await commit(planned);
    // Assess
    expect(committed).toMatchObject({
      status: 201,
      body: { id: planned.fileId, name: 'Upload.bin', size: bytes.length, sha256: sha256(bytes) },
    });
    expect((await api.download(planned.fileId)).equals(bytes)).toBe(true);
  });

  it('refuses a commit of bytes of another size with a 4xx and records no file', async () => {
    // Prepare
    const planned = await plan('Wrong size.bin', Buffer.from('twelve bytes'));
    await put(planned.url, Buffer.from('not twelve bytes at all'));
    // Act
    const committed = await commit(planned);
    // Assess
    expect(committed.status).toBeGreaterThanOrEqual(400);
    expect(committed.status).toBeLessThan(500);
    expectRefusal(committed, committed.status);
    expect(await ownFilesNamed('Wrong size.bin')).toEqual([]);
    expectRefusal(await api.call('owner-1', 'GET', `/host/api/files/${planned.fileId}`), 404);
  });

  it('refuses a commit of other bytes of the planned size (the SHA-256 differs) with a 400 and no file', async () => {
    // Prepare
    const planned = await plan('Wrong bytes.bin', Buffer.from('expected'));
    expect(await put(planned.url, Buffer.from('EXPECTED'))).toBe(200);
    // Act
    const committed = await commit(planned);
    // Assess
    expectRefusal(committed, 400);
    expect(await ownFilesNamed('Wrong bytes.bin')).toEqual([]);
  });

  it('refuses a commit before anything was PUT with a 409 and no file', async () => {
    // Prepare
    const planned = await plan('Not yet.bin', Buffer.from('later'));
    // Act
    const committed = await commit(planned);
    // Assess
    expectRefusal(committed, 409);
    expect(await ownFilesNamed('Not yet.bin')).toEqual([]);
  });

  it('answers a commit replayed with the same file, never a second one', async () => {
    // Prepare
    const bytes = Buffer.from('once');
    const planned = await plan('Once.bin', bytes, false);
    await put(planned.url, bytes);
    const first = await commit(planned);
    // Act
    const replay = await commit(planned);
    // Assess
    expect(first.status).toBe(201);
    expect(replay.status).toBeLessThan(500);
    if (replay.status < 300) expect((replay.body as { id: string }).id).toBe(planned.fileId);
    expect((await ownFilesNamed('Once.bin')).map((file) => file.id)).toEqual([planned.fileId]);
  });

  it("refuses someone else's ticket, a ticket for another file and a ticket that is not one, with a 4xx", async () => {
    // Prepare
    const bytes = Buffer.from('ticketed');
    const [planned, other] = [await plan('Ticketed.bin', bytes), await plan('Other.bin', bytes)];
    await put(planned.url, bytes);
    // Act
    const byEditor = await commit(planned, 'editor-1');
    const crossed = await api.call('owner-1', 'POST', `/host/api/files/${planned.fileId}/commit`, {
      ticket: other.ticket,
    });
    const forged = await api.call('owner-1', 'POST', `/host/api/files/${planned.fileId}/commit`, {
      ticket: 'x.y.z',
    });
    const none = await api.call('owner-1', 'POST', `/host/api/files/${planned.fileId}/commit`, {});
    // Assess
    for (const answer of [byEditor, crossed, forged, none]) {
      expect(answer.status).toBeGreaterThanOrEqual(400);
      expect(answer.status).toBeLessThan(500);
      expectRefusal(answer, answer.status);
    }
    expectRefusal(none, 400);
    expect(await ownFilesNamed('Ticketed.bin')).toEqual([]);
  });
});

describe('planning an upload', () => {
  it.each([
    ['a negative size', { name: 'n.bin', size: -1 }, 400],
    ['a fractional size', { name: 'f.bin', size: 1.5 }, 400],
    ['a size that is a string', { name: 's.bin', size: '3' }, 400],
    ['a SHA-256 that is not base64 of 32 bytes', { name: 'h.bin', size: 3, sha256: 'abc' }, 400],
    ['no name', { size: 3 }, 400],
    ['a size beyond what the host accepts', { name: 'big.bin', size: 10 ** 15 }, 413],
  ])('refuses %s, and records no file', async (_case, body, status) => {
    // Prepare
    const before = (await api.call('owner-1', 'GET', '/host/api/files')).body;
    // Act
    const answer = await api.call('owner-1', 'POST', '/host/api/files', body);
    // Assess
    expectRefusal(answer, status);
    expect((await api.call('owner-1', 'GET', '/host/api/files')).body).toEqual(before);
  });

  it('refuses a name the folder holds already with a 409', async () => {
    // Prepare
    await api.call('owner-1', 'POST', '/host/api/files', { name: 'Held.docx' });
    // Act
    const answer = await api.call('owner-1', 'POST', '/host/api/files', { name: 'Held.docx', size: 3 });
    // Assess
    expectRefusal(answer, 409);
  });
});
