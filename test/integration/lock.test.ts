import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHost, type TestHost } from '../support/wopi-host';

let host: TestHost;
beforeAll(async () => {
  host = await startTestHost();
});
afterAll(() => host.close());

describe('Lock (seed 000)', () => {
  it('locks an unlocked file and returns 200 OK without X-WOPI-Lock', async () => {
    // Prepare
    const file = await host.addFile();
    // Act
    const res = await host.wopi(file.fileId, { override: 'LOCK', headers: { 'X-WOPI-Lock': 'lock-a' } });
    // Assess
    expect(res.status).toBe(200);
    expect(res.headers.has('x-wopi-lock')).toBe(false);
    expect((await host.deps.files.get(file.fileId))?.lock?.id).toBe('lock-a');
  });
});
