// Issue 11: "50 concurrent PutFiles by the lock's own holder gave 9 × 409 'The file kept changing during the save',
// each naming the caller's own lock: a save by the holder must not fail because the holder's other saves landed
// first." Every save by the holder lands (200), each as its own version, and the last committed is current.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FileRecord } from '../../lambda/domain/file-record';
import { listRecoveryCopies } from '../../lambda/domain/recovery';
import { lock } from '../support/lock-calls';
import { addTestFile, currentBytes, putFile, recordOf } from '../support/wopi-files';
import { startTestHost, type TestHost } from '../support/wopi-host';

const SAVES = 50;

let host: TestHost;
let file: FileRecord;
const bodies = Array.from({ length: SAVES }, (_, i) => `concurrent save ${i}`);
/** Each save's answer: its status and X-WOPI-ItemVersion, in the order of `bodies`. */
let answers: { status: number; version: number }[];

// Prepare and Act once, for the assessments below: the 50 saves contend on one item for many rounds.
beforeAll(async () => {
  // The emulators run in this process on a shared machine; the saves get the time they would have on AWS.
  host = await startTestHost({ env: { WOPI_SAVE_RETRY_SECONDS: '120' } });
  file = await addTestFile(host, { bytes: 'v1' });
  await lock(host, file.fileId, 'L');
  const token = await host.token(file.fileId);
  const responses = await Promise.all(
    bodies.map((body) => putFile(host, file.fileId, body, { 'X-WOPI-Lock': 'L' }, token)),
  );
  answers = responses.map((res) => ({ status: res.status, version: Number(res.headers.get('x-wopi-itemversion')) }));
}, 180_000);
afterAll(() => host.close());

describe(`${SAVES} concurrent PutFiles with the live lock, by its holder`, () => {
  it('all answer 200: the holder’s saves never fail because the holder’s other saves landed first', () => {
    // Assess
    expect(answers.map((answer) => answer.status)).toEqual(Array(SAVES).fill(200));
  });

  it('each lands as its own version: X-WOPI-ItemVersion 2 to 51, distinct and consecutive', () => {
    // Assess
    const versions = answers.map((answer) => answer.version).sort((a, b) => a - b);
    expect(versions).toEqual(Array.from({ length: SAVES }, (_, i) => i + 2));
  });

  it('the last committed is current: version 51 with the bytes of the save that answered 51', async () => {
    // Assess
    const last = bodies[answers.findIndex((answer) => answer.version === SAVES + 1)];
    expect({
      version: (await recordOf(host, file.fileId)).content.version,
      bytes: (await currentBytes(host, file.fileId)).toString(),
    }).toEqual({ version: SAVES + 1, bytes: last });
  });

  it('keeps an exact history: each kept version holds the bytes of the save that answered with its number', async () => {
    // Assess
    const byVersion = new Map(answers.map((answer, i) => [answer.version, bodies[i]]));
    const record = await recordOf(host, file.fileId);
    const kept = await Promise.all(
      [...record.versions, record.content].map(async (v) => ({
        version: v.version,
        bytes: Buffer.from(await host.deps.contents.get(v.contentKey)).toString(),
      })),
    );
    expect(kept).toEqual(
      kept.map(({ version }) => ({ version, bytes: version === 1 ? 'v1' : byVersion.get(version) })),
    );
    expect(kept.map((v) => v.version)).toEqual(
      Array.from({ length: kept.length }, (_, i) => SAVES + 2 - kept.length + i),
    );
  });

  it('leaves no recovery copy: no save was refused', async () => {
    // Assess
    expect(await listRecoveryCopies({ ...host.deps, now: host.clock.now() }, file.fileId)).toEqual([]);
  });
});
