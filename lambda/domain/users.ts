// People who use the host, and the API keys they authenticate with (only a hash of each key is stored).
import { createHash, randomBytes } from 'node:crypto';
import { UnauthorizedError } from './errors';

export interface User {
  readonly userId: string;
  readonly displayName: string;
}

export interface UserStore {
  getUser(userId: string): Promise<User | undefined>;
  putUser(user: User): Promise<void>;
  listUsers(): Promise<User[]>;
  addApiKey(keyHash: string, userId: string, now: number): Promise<void>;
  userIdForApiKey(keyHash: string): Promise<string | undefined>;
  /** The user's keys, by the start of their hash (the keys themselves are never stored). */
  listApiKeys(userId: string): Promise<{ readonly keyHashPrefix: string; readonly createdAt: number }[]>;
}

const KEY_PREFIX = 'wopi_';

/** 256 random bits; the prefix makes a leaked key easy to recognise in logs and secret scanners. */
export function newApiKey(): string {
  return `${KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
}

/** Keys are high-entropy, so one SHA-256 is enough (no slow hash needed) and allows a direct lookup. */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

export async function issueApiKey(users: UserStore, userId: string, now: number): Promise<string> {
  const key = newApiKey();
  await users.addApiKey(hashApiKey(key), userId, now);
  return key;
}

/**
 * The user behind an Authorization header: "Bearer <api key>" (DocSpace, SuperOffice), or
 * "Basic base64(<user id>:<api key>)" for SuperOffice clients that only speak Basic.
 */
export async function authenticate(users: UserStore, authorization: string | undefined): Promise<User> {
  const [scheme, credentials] = (authorization ?? '').trim().split(/\s+/, 2);
  let key: string | undefined;
  let claimedUserId: string | undefined;
  if (scheme?.toLowerCase() === 'bearer') key = credentials;
  else if (scheme?.toLowerCase() === 'basic' && credentials !== undefined) {
    const decoded = Buffer.from(credentials, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon > 0) [claimedUserId, key] = [decoded.slice(0, colon), decoded.slice(colon + 1)];
  }
  if (key === undefined || !key.startsWith(KEY_PREFIX)) throw new UnauthorizedError('An API key is required');
  const userId = await users.userIdForApiKey(hashApiKey(key));
  if (userId === undefined || (claimedUserId !== undefined && claimedUserId !== userId)) {
    throw new UnauthorizedError('The API key is not valid');
  }
  const user = await users.getUser(userId);
  if (user === undefined) throw new UnauthorizedError('The API key belongs to no user');
  return user;
}
