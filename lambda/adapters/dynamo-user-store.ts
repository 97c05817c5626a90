// Users and their API keys. A key is found by its hash in one GetItem; the key itself is never stored. Each key
// is also listed under its user's partition, so a user's keys are one Query (to list, revoke or disable).
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  paginateQuery,
  paginateScan,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { ApiKeyInfo, User, UserStore } from '../domain/users';
import { TTL_ATTRIBUTE } from '../table-schema';
import { API_KEY_PARTITION, USER_PARTITION } from './partition-keys';

const userKey = (userId: string) => ({ pk: `${USER_PARTITION}${userId}`, sk: 'profile' });
const apiKeyKey = (keyHash: string) => ({ pk: `${API_KEY_PARTITION}${keyHash}`, sk: 'apikey' });
const userApiKeyKey = (userId: string, keyHash: string) => ({
  pk: `${USER_PARTITION}${userId}`,
  sk: `apikey#${keyHash}`,
});

function userOf(item: Record<string, unknown>): User {
  return {
    userId: String(item.userId),
    displayName: String(item.displayName),
    ...(typeof item.email === 'string' && { email: item.email }),
    ...(item.disabled === true && { disabled: true }),
    ...(typeof item.associateId === 'number' && { associateId: item.associateId }),
  };
}

function keyOf(item: Record<string, unknown>, userId: string): ApiKeyInfo {
  return {
    // Keys issued before the per-user listing have no keyHash attribute; their partition key holds it.
    keyHash: typeof item.keyHash === 'string' ? item.keyHash : String(item.pk).replace(API_KEY_PARTITION, ''),
    userId,
    createdAt: Number(item.createdAt ?? 0),
    ...(typeof item.keyExpiresAt === 'number' && { expiresAt: item.keyExpiresAt }),
  };
}

export class DynamoUserStore implements UserStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async getUser(userId: string): Promise<User | undefined> {
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: userKey(userId), ConsistentRead: true }),
    );
    return Item === undefined ? undefined : userOf(Item);
  }

  async createUser(user: User): Promise<boolean> {
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...userKey(user.userId), ...user },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  async putUser(user: User): Promise<void> {
    await this.db.send(new PutCommand({ TableName: this.tableName, Item: { ...userKey(user.userId), ...user } }));
  }

  async setAssociateId(userId: string, associateId: number): Promise<number | undefined> {
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: userKey(userId),
          UpdateExpression: 'SET associateId = :n',
          // One number per user for good: a second request racing this one keeps the first number.
          ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(associateId)',
          ExpressionAttributeValues: { ':n': associateId },
        }),
      );
      return associateId;
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      return (await this.getUser(userId))?.associateId;
    }
  }

  /** An administrative listing (CLI): a Scan is fine at that rate. */
  async listUsers(): Promise<User[]> {
    const users: User[] = [];
    const pages = paginateScan(
      { client: this.db },
      {
        TableName: this.tableName,
        FilterExpression: 'sk = :profile',
        ExpressionAttributeValues: { ':profile': 'profile' },
      },
    );
    for await (const page of pages) for (const item of page.Items ?? []) users.push(userOf(item));
    return users.sort((a, b) => a.userId.localeCompare(b.userId));
  }

  async addApiKey(key: ApiKeyInfo): Promise<void> {
    const fields = {
      keyHash: key.keyHash,
      userId: key.userId,
      createdAt: key.createdAt,
      // DynamoDB TTL tidies expired keys away some day (epoch seconds); authentication checks the expiry itself.
      ...(key.expiresAt !== undefined && {
        keyExpiresAt: key.expiresAt,
        [TTL_ATTRIBUTE]: Math.ceil(key.expiresAt / 1000),
      }),
    };
    // The listing first: a key that exists is always one its user can see and revoke.
    await this.db.send(
      new PutCommand({ TableName: this.tableName, Item: { ...userApiKeyKey(key.userId, key.keyHash), ...fields } }),
    );
    await this.db.send(new PutCommand({ TableName: this.tableName, Item: { ...apiKeyKey(key.keyHash), ...fields } }));
  }

  async apiKey(keyHash: string): Promise<ApiKeyInfo | undefined> {
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: apiKeyKey(keyHash), ConsistentRead: true }),
    );
    return typeof Item?.userId === 'string' ? keyOf(Item, Item.userId) : undefined;
  }

  async listApiKeys(userId: string): Promise<ApiKeyInfo[]> {
    const keys: ApiKeyInfo[] = [];
    const pages = paginateQuery(
      { client: this.db },
      {
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': `${USER_PARTITION}${userId}`, ':prefix': 'apikey#' },
        ConsistentRead: true,
      },
    );
    for await (const page of pages) {
      for (const item of page.Items ?? []) keys.push(keyOf(item, userId));
    }
    return keys.sort((a, b) => a.createdAt - b.createdAt);
  }

  async removeApiKey(userId: string, keyHash: string): Promise<void> {
    // The key itself first: once it is gone nothing authenticates with it, whatever happens to its listing.
    await this.db.send(new DeleteCommand({ TableName: this.tableName, Key: apiKeyKey(keyHash) }));
    await this.db.send(new DeleteCommand({ TableName: this.tableName, Key: userApiKeyKey(userId, keyHash) }));
  }
}
