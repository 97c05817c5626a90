// File names per owner: one item per (owner, lower-cased name) pointing at the file that has it. A claim is
// one conditional PutItem, so two files can never take the same name.
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  paginateQuery,
} from '@aws-sdk/lib-dynamodb';
import type { NameIndex } from '../domain/ports';

const key = (ownerId: string, name: string) => ({ pk: `names#${ownerId}`, sk: `name#${name.toLowerCase()}` });

export class DynamoNameIndex implements NameIndex {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async claim(ownerId: string, name: string, fileId: string): Promise<string | undefined> {
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...key(ownerId, name), fileId, name },
          // Claiming a name the same file already holds is not a conflict.
          ConditionExpression: 'attribute_not_exists(pk) OR fileId = :fileId',
          ExpressionAttributeValues: { ':fileId': fileId },
        }),
      );
      return undefined;
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      return (await this.find(ownerId, name)) ?? (await this.claim(ownerId, name, fileId));
    }
  }

  async release(ownerId: string, name: string, fileId: string): Promise<void> {
    try {
      await this.db.send(
        new DeleteCommand({
          TableName: this.tableName,
          Key: key(ownerId, name),
          ConditionExpression: 'fileId = :fileId',
          ExpressionAttributeValues: { ':fileId': fileId },
        }),
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }

  async find(ownerId: string, name: string): Promise<string | undefined> {
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: key(ownerId, name), ConsistentRead: true }),
    );
    return typeof Item?.fileId === 'string' ? Item.fileId : undefined;
  }

  async list(ownerId: string): Promise<string[]> {
    const ids: string[] = [];
    const pages = paginateQuery(
      { client: this.db },
      {
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': key(ownerId, '').pk },
        ConsistentRead: true,
      },
    );
    for await (const page of pages) {
      for (const item of page.Items ?? []) if (typeof item.fileId === 'string') ids.push(item.fileId);
    }
    return ids;
  }
}
