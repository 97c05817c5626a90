// Configuration -> clients -> adapters, built once per container and shared by every invocation.

import { getSecret } from '@aws-lambda-powertools/parameters/secrets';
import type { S3Client } from '@aws-sdk/client-s3';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createDynamoClient, createS3Client } from './adapters/aws-clients';
import { DynamoFileStore } from './adapters/dynamo-file-store';
import { DynamoNameIndex } from './adapters/dynamo-name-index';
import { DynamoRecoveryStore } from './adapters/dynamo-recovery-store';
import { DynamoUserInfoStore } from './adapters/dynamo-user-info-store';
import { DynamoUserStore } from './adapters/dynamo-user-store';
import { S3ContentStore } from './adapters/s3-content-store';
import { createDiscoveryClient, type DiscoveryClient } from './adapters/wopi-discovery';
import { type Config, loadConfig } from './config';
import type { Clock, ContentStore, FileStore, NameIndex, RecoveryStore, UserInfoStore } from './domain/ports';
import type { UserStore } from './domain/users';
import { tracer } from './observability';

export interface Deps {
  readonly config: Config;
  readonly files: FileStore;
  readonly contents: ContentStore;
  readonly names: NameIndex;
  readonly recovery: RecoveryStore;
  readonly userInfo: UserInfoStore;
  readonly users: UserStore;
  readonly clock: Clock;
  readonly tokenSecret: Uint8Array;
  /** The WOPI client's discovery (actions, proof keys), when a discovery URL is configured. */
  readonly discovery: DiscoveryClient | undefined;
}

export const systemClock: Clock = { now: () => Date.now() };

let deps: Promise<Deps> | undefined;

export function getDeps(): Promise<Deps> {
  deps ??= buildDeps(loadConfig()).catch((error: unknown) => {
    deps = undefined; // a failed cold start (e.g. Secrets Manager throttled) is retried by the next invocation
    throw error;
  });
  return deps;
}

/** The local server and the tests hand in their own dependencies (emulator clients, a test clock). */
export function provideDeps(value: Deps): void {
  deps = Promise.resolve(value);
}

/** Tests pass their own clock, or clients wrapped to count requests or inject faults. */
export interface DepsOverrides {
  readonly clock?: Clock;
  readonly db?: DynamoDBDocumentClient;
  readonly s3?: S3Client;
}

export async function buildDeps(config: Config, overrides: DepsOverrides = {}): Promise<Deps> {
  const db = overrides.db ?? tracer.captureAWSv3Client(createDynamoClient(config));
  const s3 = overrides.s3 ?? tracer.captureAWSv3Client(createS3Client(config));
  const clock = overrides.clock ?? systemClock;
  return {
    config,
    files: new DynamoFileStore(db, config.tableName),
    contents: new S3ContentStore(s3, config.bucketName),
    names: new DynamoNameIndex(db, config.tableName),
    recovery: new DynamoRecoveryStore(db, config.tableName),
    userInfo: new DynamoUserInfoStore(db, config.tableName),
    users: new DynamoUserStore(db, config.tableName),
    clock,
    tokenSecret: await resolveTokenSecret(config),
    discovery: config.discoveryUrl ? createDiscoveryClient(config.discoveryUrl, { now: () => clock.now() }) : undefined,
  };
}

async function resolveTokenSecret(config: Config): Promise<Uint8Array> {
  if ('value' in config.tokenSecret) return new TextEncoder().encode(config.tokenSecret.value);
  // Cached by Powertools for the life of the container; never logged.
  const secret = await getSecret<string>(config.tokenSecret.secretId, { maxAge: 3600 });
  if (typeof secret !== 'string' || secret.length < 32) throw new Error('Token signing secret is missing or short');
  return new TextEncoder().encode(secret);
}
