// PutUserInfo's string, one item per user.
import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { UserInfoStore } from '../domain/ports';
import { USER_PARTITION } from './partition-keys';

export const userInfoKey = (userId: string) => ({ pk: `${USER_PARTITION}${userId}`, sk: 'userinfo' });

export class DynamoUserInfoStore implements UserInfoStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async get(userId: string): Promise<string | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: userInfoKey(userId) }));
    return typeof Item?.info === 'string' ? Item.info : undefined;
  }

  async put(userId: string, info: string): Promise<void> {
    await this.db.send(new PutCommand({ TableName: this.tableName, Item: { ...userInfoKey(userId), info } }));
  }
}
