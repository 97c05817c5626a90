// Users and their API keys. A key is found by its hash in one GetItem; the key itself is never stored.
import { type DynamoDBDocumentClient, GetCommand, PutCommand, paginateScan } from '@aws-sdk/lib-dynamodb';
import type { User, UserStore } from '../domain/users';

const userKey = (userId: string) => ({ pk: `user#${userId}`, sk: 'profile' });
const apiKeyKey = (keyHash: string) => ({ pk: `apikey#${keyHash}`, sk: 'apikey' });

export class DynamoUserStore implements UserStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async getUser(userId: string): Promise<User | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: userKey(userId) }));
    return Item === undefined ? undefined : { userId: Item.userId, displayName: Item.displayName };
  }

  async putUser(user: User): Promise<void> {
    await this.db.send(new PutCommand({ TableName: this.tableName, Item: { ...userKey(user.userId), ...user } }));
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
    for await (const page of pages) {
      for (const item of page.Items ?? []) users.push({ userId: item.userId, displayName: item.displayName });
    }
    return users.sort((a, b) => a.userId.localeCompare(b.userId));
  }

  async addApiKey(keyHash: string, userId: string, now: number): Promise<void> {
    await this.db.send(
      new PutCommand({ TableName: this.tableName, Item: { ...apiKeyKey(keyHash), userId, createdAt: now } }),
    );
  }

  /** An administrative listing (CLI), like listUsers. */
  async listApiKeys(userId: string): Promise<{ keyHashPrefix: string; createdAt: number }[]> {
    const keys: { keyHashPrefix: string; createdAt: number }[] = [];
    const pages = paginateScan(
      { client: this.db },
      {
        TableName: this.tableName,
        FilterExpression: 'sk = :apikey AND userId = :userId',
        ExpressionAttributeValues: { ':apikey': 'apikey', ':userId': userId },
      },
    );
    for await (const page of pages) {
      for (const item of page.Items ?? []) {
        keys.push({ keyHashPrefix: String(item.pk).replace('apikey#', '').slice(0, 12), createdAt: item.createdAt });
      }
    }
    return keys.sort((a, b) => a.createdAt - b.createdAt);
  }

  async userIdForApiKey(keyHash: string): Promise<string | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: apiKeyKey(keyHash) }));
    return typeof Item?.userId === 'string' ? Item.userId : undefined;
  }
}
