// The DynamoDB-backed stores, for the entries whose route uses them; the client is made once per container.
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createDynamoClient } from '../adapters/dynamo-client';
import { DynamoFileStore } from '../adapters/dynamo-file-store';
import { DynamoNameIndex } from '../adapters/dynamo-name-index';
import { DynamoRecoveryStore } from '../adapters/dynamo-recovery-store';
import { DynamoUserInfoStore } from '../adapters/dynamo-user-info-store';
import { DynamoUserStore } from '../adapters/dynamo-user-store';
import type { FileStore, NameIndex, RecoveryStore, UserInfoStore } from '../domain/ports';
import type { UserStore } from '../domain/users';
import { tracer } from '../observability';
import { config, once, provisions } from './runtime';

export function dynamo(): DynamoDBDocumentClient {
  return provisions().db ?? once('dynamo', () => tracer.captureAWSv3Client(createDynamoClient(config())));
}

const table = () => config().tableName;

export const fileStore = (): FileStore => provisions().stores?.files ?? new DynamoFileStore(dynamo(), table());
export const nameIndex = (): NameIndex => provisions().stores?.names ?? new DynamoNameIndex(dynamo(), table());
export const recoveryStore = (): RecoveryStore =>
  provisions().stores?.recovery ?? new DynamoRecoveryStore(dynamo(), table());
export const userInfoStore = (): UserInfoStore =>
  provisions().stores?.userInfo ?? new DynamoUserInfoStore(dynamo(), table());
export const userStore = (): UserStore => provisions().stores?.users ?? new DynamoUserStore(dynamo(), table());
