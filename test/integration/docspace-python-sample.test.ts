// Seed 003's own Python sample (ONLYOFFICE DocSpace "Lock and unlock a file"), run with python3 and requests
// against the local server with only its host and API key changed: DocSpace client code works unchanged.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueApiKey } from '../../lambda/domain/users';
import { startTestHost, type TestHost } from '../support/wopi-host';

// The sample as seed 003 publishes it (test/fixtures/), so the test needs nothing outside the repository.
const sampleFile = fileURLToPath(new URL('../fixtures/docspace_lock_unlock_sample.py', import.meta.url));

let host: TestHost;
let apiKey: string;
beforeAll(async () => {
  host = await startTestHost();
  await host.deps.users.putUser({ userId: 'docspace-user', displayName: 'DocSpace User' });
  apiKey = await issueApiKey(host.deps.users, 'docspace-user', host.clock.now());
});
afterAll(() => host.close());

describe('seed 003 Python sample against the local server', () => {
  it('locks, unlocks and lists the users with access, with only the host and API key changed', async () => {
    // Prepare
    const file = await host.addFile('shared', 'plan.docx', 'docspace-user');
    const sample = readFileSync(sampleFile, 'utf8')
      .replace(/^API_HOST = .*$/m, `API_HOST = '${host.baseUrl}'`)
      .replace(/^API_KEY = .*$/m, `API_KEY = '${apiKey}'`);
    const functions = sample.slice(0, sample.indexOf('if __name__'));
    const driver = `
import json
for step in (lock_file, unlock_file, get_protected_file_users):
  print(json.dumps(step(${JSON.stringify(file.fileId)})))
`;
    // Act
    const { stdout } = await promisify(execFile)('python3', ['-c', functions + driver], { timeout: 30_000 });
    // Assess
    const [locked, unlocked, users] = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(locked.response).toMatchObject({ id: file.fileId, locked: true, lockedBy: 'DocSpace User' });
    expect(unlocked.response).toMatchObject({ id: file.fileId, locked: false });
    expect(users.response).toEqual([expect.objectContaining({ id: 'docspace-user', isOwner: true })]);
  });
});
