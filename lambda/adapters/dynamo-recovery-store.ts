// Recovery copies live beside their file's record (same partition), and DynamoDB TTL removes them when due.
import { DeleteCommand, type DynamoDBDocumentClient, PutCommand, paginateQuery } from '@aws-sdk/lib-dynamodb';
import type { RecoveryStore } from '../domain/ports';
import type { RecoveryCopy } from '../domain/recovery-copy';
import { TTL_ATTRIBUTE } from '../table-schema';
import { fileKey } from './file-item';

const SORT_PREFIX = 'recovery#';

export class DynamoRecoveryStore implements RecoveryStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async add(copy: RecoveryCopy): Promise<void> {
    await this.db.send(
      new PutCommand({
        TableName: this.tableName,
        Item: {
          pk: fileKey(copy.fileId).pk,
          sk: `${SORT_PREFIX}${copy.copyId}`,
          ...copy,
          [TTL_ATTRIBUTE]: Math.ceil(copy.keepUntil / 1000),
        },
      }),
    );
  }

  async list(fileId: string): Promise<RecoveryCopy[]> {
    const copies: RecoveryCopy[] = [];
    const pages = paginateQuery(
      { client: this.db },
      {
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': fileKey(fileId).pk, ':prefix': SORT_PREFIX },
        ConsistentRead: true,
      },
    );
    for await (const page of pages) {
      for (const item of page.Items ?? []) {
        const { pk: _pk, sk: _sk, [TTL_ATTRIBUTE]: _ttl, ...copy } = item;
        copies.push(copy as RecoveryCopy);
      }
    }
    return copies;
  }

  async remove(fileId: string, copyId: string): Promise<boolean> {
    const { Attributes } = await this.db.send(
      new DeleteCommand({
        TableName: this.tableName,
        Key: { pk: fileKey(fileId).pk, sk: `${SORT_PREFIX}${copyId}` },
        ReturnValues: 'ALL_OLD',
      }),
    );
    return Attributes !== undefined;
  }
}
