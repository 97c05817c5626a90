// What every function of a container shares: its configuration and clock, and a cache for the clients and keys
// built from them. The local host and the tests provide their own (emulator clients, a hand-moved clock).
import type { S3Client } from '@aws-sdk/client-s3';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { DiscoveryClient } from '../adapters/wopi-discovery';
import { type Config, loadConfig } from '../config';
import type { Clock, Stores } from '../domain/ports';

export const systemClock: Clock = { now: () => Date.now() };

/** What the local host and the tests hand in instead of what a container builds for itself. */
export interface Provided {
  readonly config?: Config;
  readonly clock?: Clock;
  readonly db?: DynamoDBDocumentClient;
  readonly s3?: S3Client;
  readonly tokenSecret?: Uint8Array;
  readonly discovery?: DiscoveryClient | undefined;
  readonly stores?: Partial<Stores>;
}

let provided: Provided = {};
const cache = new Map<string, unknown>();

/** Replaces what the functions of this process use from now on; the next invocation sees it. */
export function provide(value: Provided): void {
  provided = value;
  cache.clear();
}

export function provisions(): Provided {
  return provided;
}

/** `make()` once per container (or until provide() is called again). */
export function once<T>(key: string, make: () => T): T {
  if (!cache.has(key)) cache.set(key, make());
  return cache.get(key) as T;
}

/** `make()` at most once per `maxAgeMs` per container; a failure is retried by the next call. */
export function cachedAsync<T>(key: string, maxAgeMs: number, make: () => Promise<T>): Promise<T> {
  const cached = cache.get(key) as { value: Promise<T>; at: number } | undefined;
  if (cached !== undefined && Date.now() - cached.at < maxAgeMs) return cached.value;
  const value = make().catch((error: unknown) => {
    cache.delete(key);
    throw error;
  });
  cache.set(key, { value, at: Date.now() });
  return value;
}

export function config(): Config {
  return provided.config ?? once('config', () => loadConfig());
}

export function clock(): Clock {
  return provided.clock ?? systemClock;
}
