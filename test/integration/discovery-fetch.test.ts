// The discovery client against a real HTTP server on 127.0.0.1 that serves the tests' discovery XML and counts
// requests: caching, re-fetching when the WOPI client rotates its proof keys, and riding out an unavailable server.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createDiscoveryClient, type DiscoveryClientOptions } from '../../lambda/adapters/wopi-discovery';
import { ProofKeyError } from '../../lambda/auth/proof-key-error';
import { collaboraDiscoveryXml, officeDiscoveryXml } from '../support/discovery-xml';
import { generateProofKey, signedProofInput, type TestProofKey } from '../support/proof-signing';
import { TestClock } from '../support/test-clock';

const hours = (n: number) => n * 3600 * 1000;
const accessToken = 'tok.en-1';
const wopiUrl = 'https://wopi.example.com/prod/wopi/files/abc123?access_token=tok.en-1';

/** The WOPI client's discovery endpoint: answers whatever `body`/`status` say now, and counts requests. */
interface FakeDiscoveryServer {
  url: string;
  hits: number;
  status: number;
  body: string;
  close(): Promise<void>;
}

async function startDiscoveryServer(): Promise<FakeDiscoveryServer> {
  const state = { hits: 0, status: 200, body: '' };
  const server: Server = createServer((_request, response) => {
    state.hits += 1;
    response.writeHead(state.status, { 'Content-Type': 'text/xml' }).end(state.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(state, {
    url: `http://127.0.0.1:${port}/hosting/discovery`,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  });
}

let server: FakeDiscoveryServer;
let clock: TestClock;
let k1: TestProofKey;
let k2: TestProofKey;
let k3: TestProofKey;
beforeAll(async () => {
  server = await startDiscoveryServer();
  [k1, k2, k3] = [generateProofKey(), generateProofKey(), generateProofKey()];
});
afterAll(() => server.close());
beforeEach(() => {
  server.hits = 0;
  server.status = 200;
  server.body = officeDiscoveryXml({ current: k1 });
  clock = new TestClock();
});

function client(options: DiscoveryClientOptions = {}) {
  return createDiscoveryClient(server.url, { ttlMs: hours(12), now: () => clock.now(), ...options });
}

/** A request as the WOPI client signs it right now: Proof with its current key, ProofOld with its old one. */
function signedBy(current: TestProofKey, old?: TestProofKey) {
  return signedProofInput(
    { accessToken, url: wopiUrl, signedAt: clock.now() },
    { current: current.privateKey, ...(old && { old: old.privateKey }) },
  );
}

describe('createDiscoveryClient', () => {
  describe('caching', () => {
    it('fetches discovery once and answers from the cache until ttlMs has passed', async () => {
      // Prepare
      const discovery = client();
      // Act
      await discovery.get();
      clock.advance(hours(11));
      await discovery.get();
      await discovery.proofKeys();
      // Assess
      expect(server.hits).toBe(1);
    });

    it('fetches again once ttlMs has passed ("12-24 hours is a good cadence to refresh")', async () => {
      // Prepare
      const discovery = client();
      await discovery.get();
      // Act
      clock.advance(hours(12));
      await discovery.get();
      // Assess
      expect(server.hits).toBe(2);
    });

    it('makes one request for many callers arriving together on a cold start', async () => {
      // Prepare
      const discovery = client();
      // Act
      await Promise.all([discovery.get(), discovery.get(), discovery.proofKeys(), discovery.get()]);
      // Assess
      expect(server.hits).toBe(1);
    });

    it("parses Collabora Online's discovery, proof key included", async () => {
      // Prepare
      server.body = collaboraDiscoveryXml('http://127.0.0.1:9980', k1);
      const discovery = client();
      // Act
      const { actions } = await discovery.get();
      const keys = await discovery.proofKeys();
      // Assess
      expect(actions.find((action) => action.ext === 'docx')?.urlsrc).toBe(
        'http://127.0.0.1:9980/browser/80a6f97/cool.html?',
      );
      expect(keys?.current.equals(k1.publicKey)).toBe(true);
      expect(keys?.old).toBeUndefined();
    });
  });

  describe('an unavailable discovery server', () => {
    it('keeps answering with the last good discovery when a re-fetch fails', async () => {
      // Prepare
      const discovery = client();
      await discovery.get();
      server.status = 503;
      clock.advance(hours(13));
      // Act
      const keys = await discovery.proofKeys();
      // Assess
      expect(server.hits).toBe(2);
      expect(keys?.current.equals(k1.publicKey)).toBe(true);
    });

    it('tries a failed re-fetch again after minRefreshIntervalMs, not a whole ttlMs later', async () => {
      // Prepare
      const discovery = client({ minRefreshIntervalMs: 60_000 });
      await discovery.get();
      server.status = 503;
      clock.advance(hours(13));
      await discovery.get();
      server.status = 200;
      server.body = officeDiscoveryXml({ current: k2, old: k1 });
      // Act
      clock.advance(59_999);
      await discovery.get();
      clock.advance(1);
      const keys = await discovery.proofKeys();
      // Assess
      expect(server.hits).toBe(3);
      expect(keys?.current.equals(k2.publicKey)).toBe(true);
    });

    it('keeps the last good discovery when the server answers 200 with something that lists no actions', async () => {
      // Prepare
      const discovery = client();
      await discovery.get();
      server.body = '<html><body>Maintenance</body></html>';
      clock.advance(hours(13));
      // Act
      const { actions } = await discovery.get();
      // Assess
      expect(actions.length).toBeGreaterThan(0);
    });

    it('fails, naming the URL and status, when there has never been a good discovery', async () => {
      // Prepare
      server.status = 502;
      // Act / Assess
      await expect(client().get()).rejects.toThrow(`WOPI discovery ${server.url} answered 502`);
    });
  });

  describe('verifyProof and key rotation', () => {
    it('accepts a correctly signed request with the cached keys, without fetching again', async () => {
      // Prepare
      const discovery = client();
      await discovery.get();
      // Act
      const check = await discovery.verifyProof(signedBy(k1), clock.now());
      // Assess
      expect(check.matched).toBe('proof-with-current-key');
      expect(server.hits).toBe(1);
    });

    it('after the client rotates (Proof with a new key, ProofOld with ours), accepts the request and re-runs discovery', async () => {
      // Prepare: cached discovery knows k1; the WOPI client has rotated to k2.
      const discovery = client();
      await discovery.get();
      server.body = officeDiscoveryXml({ current: k2, old: k1 });
      // Act
      const check = await discovery.verifyProof(signedBy(k2, k1), clock.now());
      // Assess
      expect(check).toEqual({ matched: 'proof-old-with-current-key', keysRotated: true });
      expect(server.hits).toBe(2);
      expect((await discovery.proofKeys())?.current.equals(k2.publicKey)).toBe(true);
    });

    it('after rotation, the next requests verify with the new current key and fetch nothing', async () => {
      // Prepare
      const discovery = client();
      await discovery.get();
      server.body = officeDiscoveryXml({ current: k2, old: k1 });
      await discovery.verifyProof(signedBy(k2, k1), clock.now());
      // Act
      const check = await discovery.verifyProof(signedBy(k2, k1), clock.now());
      // Assess
      expect(check.matched).toBe('proof-with-current-key');
      expect(server.hits).toBe(2);
    });

    it('after two rotations since the last fetch, re-fetches and then accepts the request', async () => {
      // Prepare: cached discovery knows k1 only; the client now signs with k3, ProofOld with k2.
      const discovery = client();
      await discovery.get();
      server.body = officeDiscoveryXml({ current: k3, old: k2 });
      // Act
      const check = await discovery.verifyProof(signedBy(k3, k2), clock.now());
      // Assess
      expect(check.matched).toBe('proof-with-current-key');
      expect(server.hits).toBe(2);
    });

    it('a request signed with an unknown key still fails after the re-fetch', async () => {
      // Prepare
      const discovery = client();
      await discovery.get();
      // Act
      const failure = await discovery.verifyProof(signedBy(k3), clock.now()).catch((error: unknown) => error);
      // Assess
      expect(failure).toBeInstanceOf(ProofKeyError);
      expect((failure as ProofKeyError).reason).toBe('no-valid-signature');
      expect(server.hits).toBe(2);
    });

    it('badly signed requests re-fetch discovery at most once per minRefreshIntervalMs', async () => {
      // Prepare
      const discovery = client({ minRefreshIntervalMs: 5 * 60 * 1000 });
      await discovery.get();
      // Act
      for (let i = 0; i < 5; i += 1) await discovery.verifyProof(signedBy(k3), clock.now()).catch(() => undefined);
      clock.advance(5 * 60 * 1000);
      await discovery.verifyProof(signedBy(k3), clock.now()).catch(() => undefined);
      // Assess
      expect(server.hits).toBe(3);
    });

    it('an expired timestamp fails without re-fetching: new keys would not help', async () => {
      // Prepare
      const discovery = client();
      await discovery.get();
      const request = signedBy(k1);
      // Act
      const failure = await discovery
        .verifyProof(request, clock.now() + 21 * 60 * 1000)
        .catch((error: unknown) => error);
      // Assess
      expect((failure as ProofKeyError).reason).toBe('expired-timestamp');
      expect(server.hits).toBe(1);
    });

    it('fails with no-proof-key when discovery publishes no proof key', async () => {
      // Prepare
      server.body = collaboraDiscoveryXml('http://127.0.0.1:9980');
      // Act
      const failure = await client()
        .verifyProof(signedBy(k1), clock.now())
        .catch((error: unknown) => error);
      // Assess
      expect((failure as ProofKeyError).reason).toBe('no-proof-key');
    });
  });
});
