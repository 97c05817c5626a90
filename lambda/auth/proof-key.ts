// WOPI proof keys: checks that a request was signed by the WOPI client (Office for the web, Collabora Online)
// with the key its discovery XML publishes. Pure: Node's crypto only, the caller supplies keys and the time.
import { createPublicKey, type KeyObject, verify } from 'node:crypto';
import { ProofKeyError } from './proof-key-error';

/** The proof-key element of discovery: each key as base64 modulus/exponent and as a base64 CSP blob (`value`). */
export interface ProofKeyAttributes {
  readonly value?: string | undefined;
  readonly modulus?: string | undefined;
  readonly exponent?: string | undefined;
  readonly oldValue?: string | undefined;
  readonly oldModulus?: string | undefined;
  readonly oldExponent?: string | undefined;
}

export interface ProofKeys {
  readonly current: KeyObject;
  /** Absent when discovery publishes one key only (Collabora Online does). */
  readonly old?: KeyObject | undefined;
}

/** What the WOPI client sent, and the URL it called (the public one, not the one Lambda saw). */
export interface ProofInput {
  readonly accessToken: string | undefined;
  readonly url: string;
  /** X-WOPI-Proof */
  readonly proof: string | undefined;
  /** X-WOPI-ProofOld; Collabora Online does not send it. */
  readonly proofOld: string | undefined;
  /** X-WOPI-TimeStamp: .NET ticks, as the header's decimal string (too large for a JS number). */
  readonly timestamp: string | undefined;
}

/** Which of the three combinations the proof-keys page lists held. */
export type ProofMatch = 'proof-with-current-key' | 'proof-old-with-current-key' | 'proof-with-old-key';

export interface ProofCheck {
  readonly matched: ProofMatch;
  /**
   * The client signs with a key other than our current one: keys were rotated, so discovery should be re-run
   * (the discovery page: "re-run discovery when proof key validation fails, or when it succeeds using the old key").
   */
  readonly keysRotated: boolean;
}

/** "Ensure that the X-WOPI-TimeStamp header is no more than 20 minutes old." */
export const proofMaxAgeMs = 20 * 60 * 1000;

// DateTime ticks are 100 ns intervals since 0001-01-01T00:00:00Z; this many had passed at the Unix epoch.
const ticksAtUnixEpoch = 621_355_968_000_000_000n;
const ticksPerMs = 10_000n;
const int64Max = (1n << 63n) - 1n;

export function ticksFromEpochMs(ms: number): bigint {
  return BigInt(Math.trunc(ms)) * ticksPerMs + ticksAtUnixEpoch;
}

export function epochMsFromTicks(ticks: bigint): number {
  return Number((ticks - ticksAtUnixEpoch) / ticksPerMs);
}

/** The current and (if published) old key of a discovery proof-key element. */
export function proofKeysFromDiscovery(attributes: ProofKeyAttributes): ProofKeys {
  const current = proofKeyFromDiscovery(attributes);
  const oldForm = { modulus: attributes.oldModulus, exponent: attributes.oldExponent, value: attributes.oldValue };
  return { current, old: hasKey(oldForm) ? proofKeyFromDiscovery(oldForm) : undefined };
}

/**
 * An RSA public key from discovery: from `modulus` and `exponent` (base64, big-endian) when both are given,
 * otherwise from `value`, the key as a Microsoft CSP PUBLICKEYBLOB (what .NET's ExportCspBlob writes).
 */
export function proofKeyFromDiscovery(key: {
  readonly modulus?: string | undefined;
  readonly exponent?: string | undefined;
  readonly value?: string | undefined;
}): KeyObject {
  if (key.modulus && key.exponent) return rsaPublicKey(fromBase64(key.modulus), fromBase64(key.exponent));
  if (key.value) return publicKeyFromCspBlob(fromBase64(key.value));
  throw new Error('A discovery proof key needs modulus and exponent, or value');
}

/**
 * The bytes the WOPI client signs: the access token (UTF-8), the request URL upper-cased (UTF-8) and
 * X-WOPI-TimeStamp as a 64-bit integer, each preceded by its length in bytes as a 32-bit integer, all big-endian.
 */
export function expectedProofBytes(accessToken: string, url: string, timestamp: bigint): Buffer {
  const ticks = Buffer.alloc(8);
  ticks.writeBigInt64BE(timestamp);
  return Buffer.concat([
    ...lengthPrefixed(Buffer.from(accessToken, 'utf8')),
    ...lengthPrefixed(Buffer.from(upperCaseAscii(url), 'utf8')),
    ...lengthPrefixed(ticks),
  ]);
}

/**
 * Whether the request is signed by the WOPI client, under the rotation rules of the proof-keys page: valid when
 * X-WOPI-Proof verifies with the current key, X-WOPI-ProofOld with the current key (the client rotated first), or
 * X-WOPI-Proof with the old key (we rotated first). ProofOld with the old key is not enough. Throws ProofKeyError.
 */
export function verifyProof(input: ProofInput, keys: ProofKeys, now: number): ProofCheck {
  if (!input.proof) throw new ProofKeyError('missing-header', 'X-WOPI-Proof is missing');
  if (!input.timestamp) throw new ProofKeyError('missing-header', 'X-WOPI-TimeStamp is missing');
  const timestamp = parseTimestamp(input.timestamp);
  const age = now - epochMsFromTicks(timestamp);
  if (age > proofMaxAgeMs) throw new ProofKeyError('expired-timestamp', 'X-WOPI-TimeStamp is more than 20 minutes old');
  // Not in the spec; a clock far ahead would otherwise stretch the replay window past 20 minutes.
  if (-age > proofMaxAgeMs) throw new ProofKeyError('bad-timestamp', 'X-WOPI-TimeStamp is more than 20 minutes ahead');

  const signed = expectedProofBytes(input.accessToken ?? '', input.url, timestamp);
  if (signatureHolds(signed, input.proof, keys.current)) {
    return { matched: 'proof-with-current-key', keysRotated: false };
  }
  if (signatureHolds(signed, input.proofOld, keys.current)) {
    return { matched: 'proof-old-with-current-key', keysRotated: true };
  }
  if (signatureHolds(signed, input.proof, keys.old)) {
    return { matched: 'proof-with-old-key', keysRotated: true };
  }
  throw new ProofKeyError(
    'no-valid-signature',
    'Neither X-WOPI-Proof nor X-WOPI-ProofOld verifies with the proof keys',
  );
}

function parseTimestamp(header: string): bigint {
  const trimmed = header.trim();
  const ticks = /^\d{1,19}$/.test(trimmed) ? BigInt(trimmed) : undefined;
  if (ticks === undefined || ticks > int64Max) {
    throw new ProofKeyError('bad-timestamp', 'X-WOPI-TimeStamp is not a 64-bit tick count');
  }
  return ticks;
}

function signatureHolds(signed: Buffer, signatureBase64: string | undefined, key: KeyObject | undefined): boolean {
  if (!signatureBase64 || key === undefined) return false;
  try {
    // RSA keys verify with PKCS#1 v1.5 padding unless told otherwise.
    return verify('RSA-SHA256', signed, key, Buffer.from(signatureBase64, 'base64'));
  } catch {
    return false; // a malformed signature is just a signature that does not hold
  }
}

function lengthPrefixed(bytes: Buffer): [Buffer, Buffer] {
  const length = Buffer.alloc(4);
  length.writeInt32BE(bytes.length);
  return [length, bytes];
}

// Both clients upper-case a..z only (Collabora literally so); URLs on the wire are ASCII, percent-encoded.
function upperCaseAscii(text: string): string {
  return text.replace(/[a-z]+/g, (run) => run.toUpperCase());
}

function hasKey(key: { modulus?: string | undefined; exponent?: string | undefined; value?: string | undefined }) {
  return Boolean((key.modulus && key.exponent) || key.value);
}

function fromBase64(text: string): Buffer {
  return Buffer.from(text.replace(/\s+/g, ''), 'base64');
}

function rsaPublicKey(modulus: Buffer, exponent: Buffer): KeyObject {
  return createPublicKey({
    key: {
      kty: 'RSA',
      n: withoutLeadingZeros(modulus).toString('base64url'),
      e: withoutLeadingZeros(exponent).toString('base64url'),
    },
    format: 'jwk',
  });
}

// JWK wants the shortest big-endian form of n and e.
function withoutLeadingZeros(bytes: Buffer): Buffer {
  let start = 0;
  while (start < bytes.length - 1 && bytes[start] === 0) start += 1;
  return bytes.subarray(start);
}

// PUBLICKEYBLOB: BLOBHEADER (type, version, reserved, key algorithm), RSAPUBKEY (magic "RSA1", bit length,
// public exponent), then the modulus; every integer little-endian.
const publicKeyBlob = 0x06;
const blobVersion = 0x02;
const rsa1Magic = 0x31415352;
const headerLength = 20;
// CALG_RSA_SIGN (Office for the web) and CALG_RSA_KEYX (Collabora Online) both appear in real discovery.
const rsaAlgorithms = new Set([0x2400, 0xa400]);

function publicKeyFromCspBlob(blob: Buffer): KeyObject {
  if (blob.length < headerLength) throw new Error('Proof key value is too short for a CSP public key blob');
  const bitLength = blob.readUInt32LE(12);
  const wellFormed =
    blob[0] === publicKeyBlob &&
    blob[1] === blobVersion &&
    rsaAlgorithms.has(blob.readUInt32LE(4)) &&
    blob.readUInt32LE(8) === rsa1Magic &&
    bitLength % 8 === 0 &&
    blob.length === headerLength + bitLength / 8;
  if (!wellFormed) throw new Error('Proof key value is not an RSA CSP public key blob');
  const exponent = Buffer.alloc(4);
  exponent.writeUInt32BE(blob.readUInt32LE(16));
  const modulus = Buffer.from(blob.subarray(headerLength)).reverse();
  return rsaPublicKey(modulus, exponent);
}
