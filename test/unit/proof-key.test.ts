// Proof keys (issue 6): requests signed by the tests' own key pairs the way Office for the web and Collabora Online
// sign them, and Microsoft's published requests signed by Office itself.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  epochMsFromTicks,
  expectedProofBytes,
  type ProofInput,
  type ProofKeys,
  proofKeyFromDiscovery,
  proofKeysFromDiscovery,
  ticksFromEpochMs,
  verifyProof,
} from '../../lambda/auth/proof-key';
import { ProofKeyError, type ProofKeyFailure } from '../../lambda/auth/proof-key-error';
import {
  type OfficeSignedRequest,
  officeDiscoveryKeys,
  proofOldSignedWithCurrentKey,
  proofSignedWithOldKey,
  signedWithCurrentKey,
  signedWithNeitherKey,
} from '../support/office-proof-vectors';
import {
  bytesToSign,
  calgRsaKeyx,
  cspPublicKeyBlob,
  generateProofKey,
  signedProofInput,
  type TestProofKey,
} from '../support/proof-signing';

const now = Date.UTC(2026, 0, 1, 9, 0, 0);
const minutes = (n: number) => n * 60 * 1000;
const url = 'https://wopi.example.com/prod/wopi/files/abc123?access_token=tok.en-1';
const accessToken = 'tok.en-1';

let current: TestProofKey;
let old: TestProofKey;
let stranger: TestProofKey;
let keys: ProofKeys;
beforeAll(() => {
  [current, old, stranger] = [generateProofKey(), generateProofKey(), generateProofKey()];
  keys = { current: current.publicKey, old: old.publicKey };
});

function failureOf(act: () => unknown): ProofKeyFailure | 'no error' {
  try {
    act();
    return 'no error';
  } catch (error) {
    if (error instanceof ProofKeyError) return error.reason;
    throw error;
  }
}

describe('ticks', () => {
  it('"X-WOPI-TimeStamp" counts 100 ns ticks since 0001-01-01: the Unix epoch is 621355968000000000', () => {
    expect(ticksFromEpochMs(0)).toBe(621355968000000000n);
  });

  it('epochMsFromTicks undoes ticksFromEpochMs', () => {
    expect(epochMsFromTicks(ticksFromEpochMs(now))).toBe(now);
  });
});

describe('proofKeyFromDiscovery', () => {
  it('"Both keys are represented in the discovery XML in two different formats": modulus/exponent and value give one key', () => {
    // Act
    const fromModulus = proofKeyFromDiscovery({ modulus: current.modulus, exponent: current.exponent });
    const fromBlob = proofKeyFromDiscovery({ value: current.value });
    // Assess
    expect(fromBlob.equals(fromModulus)).toBe(true);
    expect(fromModulus.equals(current.publicKey)).toBe(true);
  });

  it("reads Collabora Online's blobs, which name CALG_RSA_KEYX rather than CALG_RSA_SIGN", () => {
    // Prepare
    const jwk = current.publicKey.export({ format: 'jwk' });
    const blob = cspPublicKeyBlob(
      Buffer.from(jwk.n ?? '', 'base64url'),
      Buffer.from(jwk.e ?? '', 'base64url'),
      calgRsaKeyx,
    );
    // Act
    const key = proofKeyFromDiscovery({ value: blob.toString('base64') });
    // Assess
    expect(key.equals(current.publicKey)).toBe(true);
  });

  it("gives one key from both forms of Office for the web's published discovery keys", () => {
    // Act
    const fromModulus = proofKeyFromDiscovery(officeDiscoveryKeys);
    const fromBlob = proofKeyFromDiscovery({ value: officeDiscoveryKeys.value });
    const oldFromModulus = proofKeyFromDiscovery({
      modulus: officeDiscoveryKeys.oldModulus,
      exponent: officeDiscoveryKeys.oldExponent,
    });
    const oldFromBlob = proofKeyFromDiscovery({ value: officeDiscoveryKeys.oldValue });
    // Assess
    expect(fromBlob.equals(fromModulus)).toBe(true);
    expect(oldFromBlob.equals(oldFromModulus)).toBe(true);
  });

  it('rejects a value that is not a public key blob', () => {
    expect(() => proofKeyFromDiscovery({ value: Buffer.from('not a blob at all, no').toString('base64') })).toThrow(
      /CSP public key blob/,
    );
  });

  it('rejects a proof-key with neither form', () => {
    expect(() => proofKeyFromDiscovery({ modulus: current.modulus })).toThrow(/modulus and exponent, or value/);
  });

  it('proofKeysFromDiscovery leaves the old key out when discovery has none (Collabora Online)', () => {
    // Act
    const fromCollabora = proofKeysFromDiscovery({ value: current.value, modulus: current.modulus, exponent: 'AQAB' });
    // Assess
    expect(fromCollabora.current.equals(current.publicKey)).toBe(true);
    expect(fromCollabora.old).toBeUndefined();
  });
});

describe('expectedProofBytes', () => {
  it('"4 bytes that represent the length, in bytes, of the access_token", then the token, as UTF-8', () => {
    // Act
    const bytes = expectedProofBytes('tøken', 'u', 1n);
    // Assess
    expect(bytes.readInt32BE(0)).toBe(6);
    expect(bytes.subarray(4, 10).toString('utf8')).toBe('tøken');
  });

  it('"The WOPI request URL in all uppercase", query string included, after its length', () => {
    // Act
    const bytes = expectedProofBytes('t', 'https://h/wopi/files/a?access_token=x', 1n);
    // Assess
    expect(bytes.readInt32BE(5)).toBe(37);
    expect(bytes.subarray(9, 46).toString('utf8')).toBe('HTTPS://H/WOPI/FILES/A?ACCESS_TOKEN=X');
  });

  it('"Convert the X-WOPI-TimeStamp header to a long": 4-byte length 8, then 8 bytes big-endian', () => {
    // Act
    const bytes = expectedProofBytes('t', 'u', 635655897361394523n);
    // Assess
    expect(bytes.readInt32BE(bytes.length - 12)).toBe(8);
    expect(bytes.readBigInt64BE(bytes.length - 8)).toBe(635655897361394523n);
  });

  it('equals the bytes the tests sign with, written apart from it', () => {
    expect(expectedProofBytes(accessToken, url, 42n).equals(bytesToSign(accessToken, url, 42n))).toBe(true);
  });
});

describe('verifyProof', () => {
  function signed(overrides: Partial<ProofInput> = {}, signedAt = now): ProofInput {
    return {
      ...signedProofInput({ accessToken, url, signedAt }, { current: current.privateKey, old: old.privateKey }),
      ...overrides,
    };
  }

  it('accepts a correctly signed request: "X-WOPI-Proof value using the current public key"', () => {
    expect(verifyProof(signed(), keys, now)).toEqual({ matched: 'proof-with-current-key', keysRotated: false });
  });

  it('accepts a Collabora-style request: X-WOPI-Proof only, one key in discovery', () => {
    // Prepare
    const request = signedProofInput({ accessToken, url, signedAt: now }, { current: current.privateKey });
    // Act
    const check = verifyProof(request, { current: current.publicKey }, now);
    // Assess
    expect(check.matched).toBe('proof-with-current-key');
  });

  it('rejects a tampered URL', () => {
    expect(failureOf(() => verifyProof(signed({ url: url.replace('abc123', 'abc124') }), keys, now))).toBe(
      'no-valid-signature',
    );
  });

  it('rejects a tampered access token', () => {
    expect(failureOf(() => verifyProof(signed({ accessToken: 'tok.en-2' }), keys, now))).toBe('no-valid-signature');
  });

  it('rejects a request signed with a key discovery does not publish', () => {
    // Prepare
    const request = signedProofInput({ accessToken, url, signedAt: now }, { current: stranger.privateKey });
    // Act / Assess
    expect(failureOf(() => verifyProof(request, keys, now))).toBe('no-valid-signature');
  });

  it('"Ensure that the X-WOPI-TimeStamp header is no more than 20 minutes old": 20 minutes old passes', () => {
    expect(verifyProof(signed({}, now - minutes(20)), keys, now).matched).toBe('proof-with-current-key');
  });

  it('rejects a correctly signed request whose X-WOPI-TimeStamp is more than 20 minutes old', () => {
    expect(failureOf(() => verifyProof(signed({}, now - minutes(20) - 1), keys, now))).toBe('expired-timestamp');
  });

  it('rejects an X-WOPI-TimeStamp more than 20 minutes ahead, which would stretch the replay window', () => {
    expect(failureOf(() => verifyProof(signed({}, now + minutes(21)), keys, now))).toBe('bad-timestamp');
  });

  it.each([['not-a-number'], ['-5'], ['1e18'], ['99999999999999999999']])(
    'rejects an X-WOPI-TimeStamp that is not a tick count: %s',
    (timestamp) => {
      expect(failureOf(() => verifyProof(signed({ timestamp }), keys, now))).toBe('bad-timestamp');
    },
  );

  it.each([
    ['X-WOPI-Proof', { proof: undefined }],
    ['X-WOPI-TimeStamp', { timestamp: undefined }],
    ['X-WOPI-Proof (empty)', { proof: '' }],
  ])('rejects a request without %s', (_header, overrides) => {
    expect(failureOf(() => verifyProof(signed(overrides), keys, now))).toBe('missing-header');
  });

  it('rejects a request whose proofs are not base64 signatures at all', () => {
    expect(failureOf(() => verifyProof(signed({ proof: '%%%', proofOld: 'AAAA' }), keys, now))).toBe(
      'no-valid-signature',
    );
  });

  it('upper-cases the URL on both sides: a lower-case signed URL verifies against its upper-case spelling', () => {
    // Prepare
    const request = signed({ url: url.toUpperCase() });
    // Act / Assess
    expect(verifyProof(request, keys, now).matched).toBe('proof-with-current-key');
  });

  it('a different query string does not verify, case aside', () => {
    expect(failureOf(() => verifyProof(signed({ url: `${url}&x=1` }), keys, now))).toBe('no-valid-signature');
  });

  describe('key rotation: "you have to check three combinations of proof key values"', () => {
    it('accepts X-WOPI-ProofOld with the current key when X-WOPI-Proof is invalid (client rotated first), and says keys rotated', () => {
      // Prepare: the client signs with a newer key than discovery's current one, ProofOld with the one we know.
      const newer = generateProofKey();
      const request = signedProofInput(
        { accessToken, url, signedAt: now },
        { current: newer.privateKey, old: current.privateKey },
      );
      // Act
      const check = verifyProof(request, keys, now);
      // Assess
      expect(check).toEqual({ matched: 'proof-old-with-current-key', keysRotated: true });
    });

    it('accepts X-WOPI-Proof with the old key (host re-ran discovery first), and says keys rotated', () => {
      // Prepare: discovery already moved old -> current; the signing machine still signs with `old`.
      const request = signedProofInput(
        { accessToken, url, signedAt: now },
        { current: old.privateKey, old: stranger.privateKey },
      );
      // Act
      const check = verifyProof(request, keys, now);
      // Assess
      expect(check).toEqual({ matched: 'proof-with-old-key', keysRotated: true });
    });

    it('rejects X-WOPI-ProofOld signed with the old key when X-WOPI-Proof is invalid (ProofKeyCurrentGarbageValidOldFromOldKey)', () => {
      // Prepare
      const request = signedProofInput(
        { accessToken, url, signedAt: now },
        { current: stranger.privateKey, old: old.privateKey },
      );
      // Act / Assess
      expect(failureOf(() => verifyProof(request, keys, now))).toBe('no-valid-signature');
    });

    it('accepts a valid X-WOPI-Proof with a garbage X-WOPI-ProofOld (ProofKeyCurrentValidOldGarbage)', () => {
      expect(verifyProof(signed({ proofOld: 'Z2FyYmFnZQ==' }), keys, now).matched).toBe('proof-with-current-key');
    });
  });

  describe("Office for the web's own signatures (Microsoft's proof-key test data)", () => {
    const officeKeys = () => proofKeysFromDiscovery(officeDiscoveryKeys);
    const justAfter = (request: OfficeSignedRequest) => epochMsFromTicks(BigInt(request.timestamp)) + 1000;

    it.each([
      ['X-WOPI-Proof with the current key', signedWithCurrentKey, 'proof-with-current-key'],
      ['X-WOPI-ProofOld with the current key', proofOldSignedWithCurrentKey, 'proof-old-with-current-key'],
      ['X-WOPI-Proof with the old key', proofSignedWithOldKey, 'proof-with-old-key'],
    ] as const)('accepts %s', (_case, request, matched) => {
      expect(verifyProof(request, officeKeys(), justAfter(request)).matched).toBe(matched);
    });

    it('rejects a request signed with neither key', () => {
      expect(failureOf(() => verifyProof(signedWithNeitherKey, officeKeys(), justAfter(signedWithNeitherKey)))).toBe(
        'no-valid-signature',
      );
    });

    it('rejects the same signed request once it is more than 20 minutes old ("WopiTimestampOlderThan20Min")', () => {
      // Prepare
      const later = justAfter(signedWithCurrentKey) + minutes(20);
      // Act / Assess
      expect(failureOf(() => verifyProof(signedWithCurrentKey, officeKeys(), later))).toBe('expired-timestamp');
    });
  });
});
