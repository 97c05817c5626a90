// Everything at once, for what is never deployed: the local host, the CLI and the tests. Deployed functions wire
// only what their route uses (lambda/functions/), so this module is not in any bundle.
import type { S3Client } from '@aws-sdk/client-s3';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createDynamoClient } from '../adapters/dynamo-client';
import { DynamoSharedWith, DynamoTrashIndex } from '../adapters/dynamo-file-hints';
import { DynamoFileStore } from '../adapters/dynamo-file-store';
import { DynamoFolderStore } from '../adapters/dynamo-folder-store';
import { DynamoNameClaims } from '../adapters/dynamo-name-claims';
import { DynamoNumberClaims } from '../adapters/dynamo-number-claims';
import { DynamoRecoveryStore } from '../adapters/dynamo-recovery-store';
import { DynamoUsageStore } from '../adapters/dynamo-usage-store';
import { DynamoUserInfoStore } from '../adapters/dynamo-user-info-store';
import { DynamoUserStore } from '../adapters/dynamo-user-store';
import { createS3Client } from '../adapters/s3-client';
import { S3ProgressContentStore } from '../adapters/s3-progress-uploads';
import { createDiscoveryClient, type DiscoveryClient } from '../adapters/wopi-discovery';
import type { Config } from '../config';
import type { Clock, Stores } from '../domain/ports';
import { type Quota, quotaOf } from '../domain/quota';
import { provide, systemClock } from './runtime';
import { resolveTokenSecret } from './token-secret';

export interface Deps extends Stores {
  /** The content store's uploads in parts with progress, for the CLI. */
  readonly uploads: S3ProgressContentStore;
  readonly config: Config;
  readonly quota: Quota;
  readonly clock: Clock;
  readonly tokenSecret: Uint8Array;
  readonly discovery: DiscoveryClient | undefined;
}

/** Tests pass their own clock, or clients wrapped to count requests or inject faults. */
export interface DepsOverrides {
  readonly clock?: Clock;
  readonly db?: DynamoDBDocumentClient;
  readonly s3?: S3Client;
}

export async function buildDeps(config: Config, overrides: DepsOverrides = {}): Promise<Deps> {
  const db = overrides.db ?? createDynamoClient(config);
  const s3 = overrides.s3 ?? createS3Client(config);
  const clock = overrides.clock ?? systemClock;
  const contents = new S3ProgressContentStore(s3, config.bucketName);
  const usage = new DynamoUsageStore(db, config.tableName);
  return {
    config,
    uploads: contents,
    files: new DynamoFileStore(db, config.tableName),
    folders: new DynamoFolderStore(db, config.tableName),
    contents,
    names: new DynamoNameClaims(db, config.tableName),
    recovery: new DynamoRecoveryStore(db, config.tableName),
    userInfo: new DynamoUserInfoStore(db, config.tableName),
    users: new DynamoUserStore(db, config.tableName),
    sharedWith: new DynamoSharedWith(db, config.tableName),
    trash: new DynamoTrashIndex(db, config.tableName),
    numbers: new DynamoNumberClaims(db, config.tableName),
    usage,
    quota: quotaOf(config.quotaBytes, usage),
    clock,
    tokenSecret: await resolveTokenSecret(config),
    discovery: config.discoveryUrl ? createDiscoveryClient(config.discoveryUrl, { now: () => clock.now() }) : undefined,
  };
}

/** Has the handlers of this process use these dependencies from their next invocation on. */
export function provideDeps(deps: Deps): void {
  const { config, clock, tokenSecret, discovery } = deps;
  provide({ config, clock, tokenSecret, discovery, stores: deps });
}
