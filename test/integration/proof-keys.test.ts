import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { officeDiscoveryXml } from '../support/discovery-xml';
import { generateProofKey, proofHeaders, type TestProofKey } from '../support/proof-signing';
import { startTestHost, type TestHost } from '../support/wopi-host';

// A WOPI client's discovery served on 127.0.0.1, and a host that verifies proofs against it.
let discovery: Server;
let current: TestProofKey;
let old: TestProofKey;
let host: TestHost;

beforeAll(async () => {
  current = generateProofKey();
  old = generateProofKey();
  discovery = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/xml' });
    res.end(officeDiscoveryXml({ current, old }));
  });
  await new Promise<void>((ready) => discovery.listen(0, '127.0.0.1', ready));
  const discoveryUrl = `http://127.0.0.1:${(discovery.address() as AddressInfo).port}/hosting/discovery`;
  host = await startTestHost({ env: { WOPI_DISCOVERY_URL: discoveryUrl } });
  // Proof timestamps are checked against the host's clock; sign with the same time.
  host.clock.advance(Date.now() - host.clock.now());
});
afterAll(async () => {
  await host.close();
  await new Promise((done) => discovery.close(done));
});

async function signedGetLock(fileId: string, sign: (url: string, accessToken: string) => Record<string, string>) {
  const token = await host.token(fileId);
  const url = `${host.baseUrl}/wopi/files/${fileId}?access_token=${encodeURIComponent(token)}`;
  return host.wopi(fileId, {
    override: 'GET_LOCK',
    token,
    headers: sign(url, token),
  });
}

describe('proof keys (X-WOPI-Proof, X-WOPI-ProofOld, X-WOPI-TimeStamp)', () => {
  it('accepts a request signed with the current key', async () => {
    const file = await host.addFile();
    const res = await signedGetLock(file.fileId, (url, accessToken) =>
      proofHeaders({ accessToken, url, signedAt: host.clock.now() }, { current: current.privateKey }),
    );
    expect(res.status).toBe(200);
  });

  it('answers 500 when the URL was tampered with after signing', async () => {
    const file = await host.addFile();
    const res = await signedGetLock(file.fileId, (url, accessToken) =>
      proofHeaders(
        { accessToken, url: url.replace('access_token=', 'access_token=x'), signedAt: host.clock.now() },
        { current: current.privateKey },
      ),
    );
    expect(res.status).toBe(500);
    expect(res.headers.has('x-wopi-servererror')).toBe(false);
  });

  it('answers 500 for a key the discovery does not publish', async () => {
    const file = await host.addFile();
    const stranger = generateProofKey();
    const res = await signedGetLock(file.fileId, (url, accessToken) =>
      proofHeaders({ accessToken, url, signedAt: host.clock.now() }, { current: stranger.privateKey }),
    );
    expect(res.status).toBe(500);
  });

  it('answers 500 for a timestamp older than 20 minutes', async () => {
    const file = await host.addFile();
    const res = await signedGetLock(file.fileId, (url, accessToken) =>
      proofHeaders(
        { accessToken, url, signedAt: host.clock.now() - 20 * 60 * 1000 - 1000 },
        { current: current.privateKey },
      ),
    );
    expect(res.status).toBe(500);
  });

  it('accepts a request signed with the old key after rotation (X-WOPI-Proof verified by the old key)', async () => {
    const file = await host.addFile();
    const res = await signedGetLock(file.fileId, (url, accessToken) =>
      proofHeaders({ accessToken, url, signedAt: host.clock.now() }, { current: old.privateKey }),
    );
    expect(res.status).toBe(200);
  });

  it('answers 500 when no proof is sent at all', async () => {
    const file = await host.addFile();
    const res = await host.wopi(file.fileId, { override: 'GET_LOCK' });
    expect(res.status).toBe(500);
  });
});
