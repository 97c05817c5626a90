// "Exactly one DynamoDB request per successful lock operation, and on the 409 path one request when the failed
// write returns the item (AWS) and two on the emulator." Counted by a middleware on the real SDK client.
import { ConditionalCheckFailedException, type DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { HandlerExecutionContext, InitializeHandler, InitializeHandlerArguments } from '@smithy/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDynamoDbClient } from '../../lambda/adapters/dynamo-client';
import {
  getLock,
  lock,
  lockedFile,
  lockMismatch,
  mismatchWith,
  refreshLock,
  unlock,
  unlockAndRelock,
} from '../support/lock-calls';
import type { WithMiddleware } from '../support/request-counter';
import { startTestHost, type TestHost } from '../support/wopi-host';

type Operation = (host: TestHost, fileId: string) => Promise<Response>;

/** Calls that get 409 "lock mismatch" on a file locked with 'lock-a'. */
const mismatches: [string, Operation][] = [
  ['Lock', (host, fileId) => lock(host, fileId, 'lock-b')],
  ['RefreshLock', (host, fileId) => refreshLock(host, fileId, 'lock-b')],
  ['Unlock', (host, fileId) => unlock(host, fileId, 'lock-b')],
  ['UnlockAndRelock', (host, fileId) => unlockAndRelock(host, fileId, 'lock-b', 'lock-c')],
];

/** The DynamoDB requests counted since the last reset, by operation name. */
function dynamoRequests(host: TestHost): Record<string, number> {
  return Object.fromEntries([...host.requests.counts].filter(([name]) => name.startsWith('dynamodb.')));
}

describe('DynamoDB requests per lock operation on the emulator', () => {
  let host: TestHost;
  beforeAll(async () => {
    host = await startTestHost();
  });
  afterAll(() => host.close());

  it.each<[string, Operation]>([
    ['Lock', (h, fileId) => lock(h, fileId, 'lock-b')],
    ['Lock with the same lock ID (a refresh)', (h, fileId) => lock(h, fileId, 'lock-a')],
    ['RefreshLock', (h, fileId) => refreshLock(h, fileId, 'lock-a')],
    ['Unlock', (h, fileId) => unlock(h, fileId, 'lock-a')],
    ['UnlockAndRelock', (h, fileId) => unlockAndRelock(h, fileId, 'lock-a', 'lock-b')],
  ])('a successful %s is exactly one UpdateItem', async (name, operation) => {
    // Prepare
    const fileId = name === 'Lock' ? (await host.addFile()).fileId : await lockedFile(host, 'lock-a');
    host.requests.reset();
    // Act
    const res = await operation(host, fileId);
    // Assess
    expect({ status: res.status, requests: dynamoRequests(host) }).toEqual({
      status: 200,
      requests: { 'dynamodb.UpdateItem': 1 },
    });
  });

  it('a successful GetLock is exactly one GetItem', async () => {
    // Prepare
    const fileId = await lockedFile(host, 'lock-a');
    host.requests.reset();
    // Act
    const res = await getLock(host, fileId);
    // Assess
    expect({ status: res.status, requests: dynamoRequests(host) }).toEqual({
      status: 200,
      requests: { 'dynamodb.GetItem': 1 },
    });
  });

  it.each(mismatches)(
    'a %s answered 409 is the refused UpdateItem plus one consistent GetItem: dynalite ignores ReturnValuesOnConditionCheckFailure',
    async (_, operation) => {
      // Prepare
      const fileId = await lockedFile(host, 'lock-a');
      host.requests.reset();
      // Act
      const res = await operation(host, fileId);
      // Assess
      expect({ answer: lockMismatch(res), requests: dynamoRequests(host) }).toEqual({
        answer: mismatchWith('lock-a'),
        requests: { 'dynamodb.UpdateItem': 1, 'dynamodb.GetItem': 1 },
      });
    },
  );

  it.each<[string, Record<string, string>]>([
    ['missing X-WOPI-Lock (400)', { 'X-WOPI-Override': 'LOCK' }],
    ['unknown X-WOPI-Override (501)', { 'X-WOPI-Override': 'NOT_AN_OPERATION', 'X-WOPI-Lock': 'lock-b' }],
  ])('a request refused for a %s sends no DynamoDB request', async (_, headers) => {
    // Prepare
    const fileId = await lockedFile(host, 'lock-a');
    host.requests.reset();
    // Act
    await host.wopi(fileId, { headers });
    // Assess
    expect(dynamoRequests(host)).toEqual({});
  });

  it('a request refused for a bad access token (401) sends no DynamoDB request', async () => {
    // Prepare
    const fileId = await lockedFile(host, 'lock-a');
    host.requests.reset();
    // Act
    await lock(host, fileId, 'lock-b', { token: 'not-a-token' });
    // Assess
    expect(dynamoRequests(host)).toEqual({});
  });

  it('no lock operation touches S3', async () => {
    // Prepare
    const fileId = await lockedFile(host, 'lock-a');
    host.requests.reset();
    // Act
    await refreshLock(host, fileId, 'lock-a');
    await unlockAndRelock(host, fileId, 'lock-a', 'lock-b');
    await getLock(host, fileId);
    await unlock(host, fileId, 'lock-b');
    // Assess
    expect(host.requests.total('s3')).toBe(0);
  });
});

/**
 * Fault injection: wraps the real client so that a refused UpdateItem carries the item it was checked against,
 * marshalled, as `ConditionalCheckFailedException.Item`: what AWS returns for ReturnValuesOnConditionCheckFailure
 * ALL_OLD. The item is fetched with a separate client, so the counter sees only the host's own requests.
 */
function returnAllOldOnConditionFailure(reader: DynamoDBClient) {
  return (next: InitializeHandler<object, object>, context: HandlerExecutionContext) =>
    async (args: InitializeHandlerArguments<object>) => {
      try {
        return await next(args);
      } catch (error) {
        if (context.commandName === 'UpdateItemCommand' && error instanceof ConditionalCheckFailedException) {
          const { TableName, Key } = args.input as { TableName: string; Key: Record<string, unknown> };
          const { Item } = await reader.send(
            new GetItemCommand({ TableName, Key: marshall(Key), ConsistentRead: true }),
          );
          if (Item !== undefined) error.Item = Item; // AWS returns no item when there is none: the file does not exist
        }
        throw error;
      }
    };
}

describe('DynamoDB requests on the 409 path when the failed write returns the item, as AWS does', () => {
  let host: TestHost;
  let reader: DynamoDBClient | undefined;
  beforeAll(async () => {
    host = await startTestHost({
      wrapDb: (db, config) => {
        reader = createDynamoDbClient(config);
        const client: WithMiddleware<'initialize'> = db;
        client.middlewareStack.add(returnAllOldOnConditionFailure(reader), {
          step: 'initialize',
          name: 'return-all-old',
        });
      },
    });
  });
  afterAll(async () => {
    reader?.destroy();
    await host.close();
  });

  it.each(mismatches)(
    'fault injection: wraps the real client to return ALL_OLD as AWS does; a %s answered 409 is one UpdateItem',
    async (_, operation) => {
      // Prepare
      const fileId = await lockedFile(host, 'lock-a');
      host.requests.reset();
      // Act
      const res = await operation(host, fileId);
      // Assess
      expect({ answer: lockMismatch(res), requests: dynamoRequests(host) }).toEqual({
        answer: mismatchWith('lock-a'),
        requests: { 'dynamodb.UpdateItem': 1 },
      });
    },
  );

  it('fault injection: wraps the real client to return ALL_OLD as AWS does; an unlocked file answers 409 with "" from the returned item', async () => {
    // Prepare
    const { fileId } = await host.addFile();
    host.requests.reset();
    // Act
    const res = await unlock(host, fileId, 'lock-a');
    // Assess
    expect({ answer: lockMismatch(res), requests: dynamoRequests(host) }).toEqual({
      answer: mismatchWith(''),
      requests: { 'dynamodb.UpdateItem': 1 },
    });
  });

  it('fault injection: wraps the real client to return ALL_OLD as AWS does; a missing file returns no item, so 404 takes a second read', async () => {
    // Prepare
    const missingFileId = 'NoSuchFile000000000000';
    host.requests.reset();
    // Act
    const res = await lock(host, missingFileId, 'lock-a');
    // Assess
    expect({ status: res.status, requests: dynamoRequests(host) }).toEqual({
      status: 404,
      requests: { 'dynamodb.UpdateItem': 1, 'dynamodb.GetItem': 1 },
    });
  });
});
