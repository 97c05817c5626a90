// The DynamoDB-backed stores, for the entries whose route uses them; the client is made once per container.
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
import type {
  FileStore,
  FolderStore,
  NameClaims,
  NumberClaims,
  RecoveryStore,
  SharedWith,
  TrashIndex,
  UserInfoStore,
} from '../domain/ports';
import { type Quota, quotaOf, type UsageStore } from '../domain/quota';
import type { UserStore } from '../domain/users';
import { config, once, provisions } from './runtime';

export function dynamo(): DynamoDBDocumentClient {
  return provisions().db ?? once('dynamo', () => createDynamoClient(config()));
}

const table = () => config().tableName;
const given = () => provisions().stores;

export const fileStore = (): FileStore => given()?.files ?? new DynamoFileStore(dynamo(), table());
export const folderStore = (): FolderStore => given()?.folders ?? new DynamoFolderStore(dynamo(), table());
export const nameClaims = (): NameClaims => given()?.names ?? new DynamoNameClaims(dynamo(), table());
export const recoveryStore = (): RecoveryStore => given()?.recovery ?? new DynamoRecoveryStore(dynamo(), table());
export const userInfoStore = (): UserInfoStore => given()?.userInfo ?? new DynamoUserInfoStore(dynamo(), table());
export const userStore = (): UserStore => given()?.users ?? new DynamoUserStore(dynamo(), table());
export const sharedWith = (): SharedWith => given()?.sharedWith ?? new DynamoSharedWith(dynamo(), table());
export const trashIndex = (): TrashIndex => given()?.trash ?? new DynamoTrashIndex(dynamo(), table());
export const numberClaims = (): NumberClaims => given()?.numbers ?? new DynamoNumberClaims(dynamo(), table());
export const usageStore = (): UsageStore => given()?.usage ?? new DynamoUsageStore(dynamo(), table());
/** The owners' storage quota, or none: then it costs no request. */
export const quota = (): Quota => quotaOf(config().quotaBytes, usageStore());
