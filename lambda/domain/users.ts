// People who use the host, and the API keys they authenticate with (only a hash of each key is stored).
import { createHash, randomBytes } from 'node:crypto';
import { UnauthorizedError } from './errors';

export interface User {
  readonly userId: string;
  readonly displayName: string;
  readonly email?: string;
  /** A disabled user's keys are gone and their roles on files are taken away; nothing of theirs authenticates. */
  readonly disabled?: boolean;
  /** The int32 associate number the SuperOffice API names users by. */
  readonly associateId?: number;
}

export interface ApiKeyInfo {
  readonly keyHash: string;
  readonly userId: string;
  readonly createdAt: number;
  /** Epoch milliseconds; absent: the key does not expire. */
  readonly expiresAt?: number;
}

export interface UserStore {
  getUser(userId: string): Promise<User | undefined>;
  /** Creates the user; false when one with this id exists already. */
  createUser(user: User): Promise<boolean>;
  /** Creates or replaces the user. */
  putUser(user: User): Promise<void>;
  /** Gives the user this associate number unless they have one; the number they have after, undefined: no user. */
  setAssociateId(userId: string, associateId: number): Promise<number | undefined>;
  listUsers(): Promise<User[]>;
  addApiKey(key: ApiKeyInfo): Promise<void>;
  apiKey(keyHash: string): Promise<ApiKeyInfo | undefined>;
  /** The user's keys (the keys themselves are never stored, only their hashes). */
  listApiKeys(userId: string): Promise<ApiKeyInfo[]>;
  removeApiKey(userId: string, keyHash: string): Promise<void>;
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

/** How `keys list` shows a key, and `keys revoke` names it. */
export function keyHashPrefix(keyHash: string): string {
  return keyHash.slice(0, 12);
}

export async function issueApiKey(users: UserStore, userId: string, now: number, expiresAt?: number): Promise<string> {
  const key = newApiKey();
  await users.addApiKey({ keyHash: hashApiKey(key), userId, createdAt: now, ...(expiresAt && { expiresAt }) });
  return key;
}

/** What an Authorization header (or cookie) offered: an API key, and for Basic the user id it claims. */
export interface ApiCredentials {
  readonly key: string;
  readonly claimedUserId?: string;
}

/** The user behind the credentials, at `now`; 401 when there are none, or the key is unknown, expired or disabled. */
export async function authenticate(
  users: UserStore,
  credentials: ApiCredentials | undefined,
  now: number,
): Promise<User> {
  if (credentials === undefined || !credentials.key.startsWith(KEY_PREFIX)) {
    throw new UnauthorizedError('An API key is required');
  }
  const key = await users.apiKey(hashApiKey(credentials.key));
  if (key === undefined || (credentials.claimedUserId !== undefined && credentials.claimedUserId !== key.userId)) {
    throw new UnauthorizedError('The API key is not valid');
  }
  if (key.expiresAt !== undefined && key.expiresAt <= now) throw new UnauthorizedError('The API key has expired');
  return activeUser(users, key.userId, 'The API key');
}

/** The user a credential names, unless there is none or it was disabled (401). */
export async function activeUser(users: UserStore, userId: string, credential: string): Promise<User> {
  const user = await users.getUser(userId);
  if (user === undefined) throw new UnauthorizedError(`${credential} belongs to no user`);
  if (user.disabled) throw new UnauthorizedError(`${credential} belongs to a disabled user`);
  return user;
}
