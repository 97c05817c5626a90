// Signs WOPI requests the way Office for the web and Collabora Online do, with key pairs the tests generate, and
// publishes the public keys in discovery's two forms. Written apart from lambda/auth/proof-key.ts on purpose: the
// tests compare two readings of the proof-keys page, not one implementation with itself.
import { generateKeyPairSync, type KeyObject, sign } from 'node:crypto';

export interface TestProofKey {
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
  /** Base64 big-endian modulus and exponent, as discovery's modulus/exponent attributes carry them. */
  readonly modulus: string;
  readonly exponent: string;
  /** The same key as a base64 CSP PUBLICKEYBLOB, as discovery's value attribute carries it. */
  readonly value: string;
}

export function generateProofKey(): TestProofKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = publicKey.export({ format: 'jwk' });
  const modulus = Buffer.from(jwk.n ?? '', 'base64url');
  const exponent = Buffer.from(jwk.e ?? '', 'base64url');
  return {
    privateKey,
    publicKey,
    modulus: modulus.toString('base64'),
    exponent: exponent.toString('base64'),
    value: cspPublicKeyBlob(modulus, exponent).toString('base64'),
  };
}

/** CALG_RSA_SIGN is what Office for the web's blobs say; Collabora Online writes CALG_RSA_KEYX. */
export const calgRsaSign = 0x2400;
export const calgRsaKeyx = 0xa400;

/** PUBLICKEYBLOB: type 6, version 2, reserved, algorithm, "RSA1", bit length, exponent, modulus; little-endian. */
export function cspPublicKeyBlob(modulus: Buffer, exponent: Buffer, algorithm = calgRsaSign): Buffer {
  const header = Buffer.alloc(20);
  header.writeUInt8(0x06, 0);
  header.writeUInt8(0x02, 1);
  header.writeUInt32LE(algorithm, 4);
  header.write('RSA1', 8, 'latin1');
  header.writeUInt32LE(modulus.length * 8, 12);
  header.writeUInt32LE(Number.parseInt(exponent.toString('hex'), 16), 16);
  return Buffer.concat([header, Buffer.from(modulus).reverse()]);
}

// DateTime ticks (100 ns since 0001-01-01) at the Unix epoch, as Collabora computes X-WOPI-TimeStamp.
const ticksAtUnixEpoch = 621355968000000000n;

export function dotNetTicks(epochMs: number): bigint {
  return BigInt(epochMs) * 10000n + ticksAtUnixEpoch;
}

export interface RequestToSign {
  readonly accessToken: string;
  /** The URL as the client called it; signing upper-cases it, as the clients do. */
  readonly url: string;
  /** When the client signed, epoch milliseconds. */
  readonly signedAt: number;
}

/** The signed bytes: token, upper-cased URL, 8-byte ticks; each after its 4-byte big-endian length. */
export function bytesToSign(accessToken: string, url: string, ticks: bigint): Buffer {
  const token = Buffer.from(accessToken, 'utf8');
  const upperUrl = Buffer.from(url.toUpperCase(), 'utf8');
  const time = Buffer.alloc(8);
  time.writeBigUInt64BE(ticks);
  return Buffer.concat([uint32(token.length), token, uint32(upperUrl.length), upperUrl, uint32(8), time]);
}

export function signProof(privateKey: KeyObject, accessToken: string, url: string, ticks: bigint): string {
  return sign('RSA-SHA256', bytesToSign(accessToken, url, ticks), privateKey).toString('base64');
}

/**
 * The headers a WOPI client adds: X-WOPI-Proof signed with its current key and, when it has one, X-WOPI-ProofOld
 * signed with its old key (Collabora Online sends X-WOPI-Proof only).
 */
export function proofHeaders(
  request: RequestToSign,
  signers: { readonly current: KeyObject; readonly old?: KeyObject },
): Record<string, string> {
  const ticks = dotNetTicks(request.signedAt);
  const headers: Record<string, string> = {
    'X-WOPI-TimeStamp': ticks.toString(),
    'X-WOPI-Proof': signProof(signers.current, request.accessToken, request.url, ticks),
  };
  if (signers.old) headers['X-WOPI-ProofOld'] = signProof(signers.old, request.accessToken, request.url, ticks);
  return headers;
}

/** The same, in the shape verifyProof reads. */
export function signedProofInput(
  request: RequestToSign,
  signers: { readonly current: KeyObject; readonly old?: KeyObject },
): { accessToken: string; url: string; proof: string; proofOld: string | undefined; timestamp: string } {
  const headers = proofHeaders(request, signers);
  return {
    accessToken: request.accessToken,
    url: request.url,
    proof: headers['X-WOPI-Proof'] ?? '',
    proofOld: headers['X-WOPI-ProofOld'],
    timestamp: headers['X-WOPI-TimeStamp'] ?? '',
  };
}

function uint32(value: number): Buffer {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32BE(value);
  return bytes;
}
