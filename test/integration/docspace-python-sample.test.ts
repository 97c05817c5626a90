// Seed 003's own Python sample (ONLYOFFICE DocSpace "Lock and unlock a file"), run with python3 and requests
// against the local server with only its host and API key changed: DocSpace client code works unchanged, and reads
// what DocSpace would answer.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser } from '../../lambda/domain/numbers';
import { issueApiKey } from '../../lambda/domain/users';
import { startTestHost, type TestHost } from '../support/wopi-host';

// The sample as seed 003 publishes it (test/fixtures/), so the test needs nothing outside the repository.
const sampleFile = fileURLToPath(new URL('../fixtures/docspace_lock_unlock_sample.py', import.meta.url));

let host: TestHost;
let apiKey: string;
beforeAll(async () => {
  host = await startTestHost();
  await addUser(host.deps, { userId: 'docspace-user', displayName: 'DocSpace User' });
  await addUser(host.deps, { userId: 'colleague', displayName: 'Cole League', email: 'cole@example.com' });
  apiKey = await issueApiKey(host.deps.users, 'docspace-user', host.clock.now());
});
afterAll(() => host.close());

describe('seed 003 Python sample against the local server', () => {
  it('locks, unlocks and lists the other users with access, with only the host and API key changed', async () => {
    // Prepare
    const file = await host.addFile('shared', 'plan.docx', 'docspace-user');
    await host.share(file.fileId, 'colleague', 'edit');
    const sample = readFileSync(sampleFile, 'utf8')
      .replace(/^API_HOST = .*$/m, `API_HOST = '${host.baseUrl}'`)
      .replace(/^API_KEY = .*$/m, `API_KEY = '${apiKey}'`);
    const functions = sample.slice(0, sample.indexOf('if __name__'));
    const driver = `
import json
for step in (lock_file, unlock_file, get_protected_file_users):
  print(json.dumps(step(${JSON.stringify(String(file.docNo))})))
`;
    // Act
    const { stdout } = await promisify(execFile)('python3', ['-c', functions + driver], { timeout: 30_000 });
    // Assess
    const [locked, unlocked, users] = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(locked.response).toMatchObject({ id: file.docNo, title: 'plan.docx', locked: true });
    expect(locked.response).not.toHaveProperty('lockedBy');
    expect(unlocked.response).toMatchObject({ id: file.docNo });
    expect(unlocked.response).not.toHaveProperty('locked');
    expect(users.response).toEqual([
      expect.objectContaining({ id: 'colleague', name: 'Cole League', email: 'cole@example.com', hasAccess: true }),
    ]);
  });
});
