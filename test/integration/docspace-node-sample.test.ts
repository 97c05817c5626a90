// Seed 003's own Node.js sample (ONLYOFFICE DocSpace "Lock and unlock a file"), run with node against the local server
// with only its host and API key changed: DocSpace client code works unchanged, and reads what DocSpace would answer.
// The sample calls https://<API_HOST>, so the server is reached through a TLS front with a certificate made for the
// test, which the sample's process trusts (NODE_EXTRA_CA_CERTS): its code stays as published.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser } from '../../lambda/domain/numbers';
import { issueApiKey } from '../../lambda/domain/users';
import { startTestHost, type TestHost } from '../support/wopi-host';

// The sample as seed 003 publishes it (test/fixtures/), so the test needs nothing outside the repository.
const sampleFile = fileURLToPath(new URL('../fixtures/docspace-lock-unlock-sample.js', import.meta.url));
const run = promisify(execFile);

let host: TestHost;
let apiKey: string;
let tlsDir: string;
let front: Server;
let apiHost: string;
beforeAll(async () => {
  host = await startTestHost();
  await addUser(host.deps, { userId: 'docspace-user', displayName: 'DocSpace User' });
  await addUser(host.deps, { userId: 'colleague', displayName: 'Cole League', email: 'cole@example.com' });
  apiKey = await issueApiKey(host.deps.users, 'docspace-user', host.clock.now());
  tlsDir = mkdtempSync(join(tmpdir(), 'wopi-tls-'));
  await run('openssl', [
    ...['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1'],
    ...['-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', join(tlsDir, 'key.pem'), '-out', join(tlsDir, 'cert.pem')],
  ]);
  const target = new URL(host.baseUrl);
  // Passes each request on to the local server as it came, and its answer back.
  front = createServer(
    { key: readFileSync(join(tlsDir, 'key.pem')), cert: readFileSync(join(tlsDir, 'cert.pem')) },
    (req, res) => {
      const forward = request(
        { host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      req.pipe(forward);
    },
  );
  await new Promise<void>((ready) => front.listen(0, '127.0.0.1', ready));
  apiHost = `127.0.0.1:${(front.address() as AddressInfo).port}`;
});
afterAll(async () => {
  front.closeAllConnections();
  await new Promise((done) => front.close(done));
  rmSync(tlsDir, { recursive: true, force: true });
  await host.close();
});

describe('seed 003 Node.js sample against the local server', () => {
  it('locks, unlocks and lists the other users with access, with only the host and API key changed', async () => {
    // Prepare
    const file = await host.addFile('shared', 'plan.docx', 'docspace-user');
    await host.share(file.fileId, 'colleague', 'edit');
    const sample = readFileSync(sampleFile, 'utf8')
      .replace(/^const API_HOST = .*$/m, `const API_HOST = '${apiHost}';`)
      .replace(/^const API_KEY = .*$/m, `const API_KEY = '${apiKey}';`);
    const functions = sample.slice(0, sample.indexOf('// Run'));
    const driver = `
(async () => {
  for (const step of [lockFile, unlockFile, getProtectedFileUsers]) {
    console.log(JSON.stringify(await step(${JSON.stringify(String(file.docNo))})));
  }
})();
`;
    // Act
    const { stdout } = await run(process.execPath, ['-e', functions + driver], {
      timeout: 30_000,
      env: { ...process.env, NODE_EXTRA_CA_CERTS: join(tlsDir, 'cert.pem') },
    });
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
