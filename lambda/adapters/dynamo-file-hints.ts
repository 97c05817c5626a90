// Per-user hints beside the file items: what was shared with a user, what is in an owner's trash. One item per
// hint under the user's partition, so each listing is one Query; the file's record stays the only truth.
import { DeleteCommand, type DynamoDBDocumentClient, PutCommand, paginateQuery } from '@aws-sdk/lib-dynamodb';
import type { SharedWith, TrashIndex } from '../domain/ports';
import { USER_PARTITION } from './partition-keys';

const userPartition = (userId: string) => `${USER_PARTITION}${userId}`;

async function query(db: DynamoDBDocumentClient, tableName: string, pk: string, prefix: string, newestFirst = false) {
  const items: Record<string, unknown>[] = [];
  const pages = paginateQuery(
    { client: db },
    {
      TableName: tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': pk, ':prefix': prefix },
      ScanIndexForward: !newestFirst,
    },
  );
  for await (const page of pages) items.push(...(page.Items ?? []));
  return items;
}

export class DynamoSharedWith implements SharedWith {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async add(userId: string, fileId: string): Promise<void> {
    await this.db.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { pk: userPartition(userId), sk: `shared#${fileId}`, fileId },
      }),
    );
  }

  async remove(userId: string, fileId: string): Promise<void> {
    await this.db.send(
      new DeleteCommand({ TableName: this.tableName, Key: { pk: userPartition(userId), sk: `shared#${fileId}` } }),
    );
  }

  async list(userId: string): Promise<string[]> {
    return (await query(this.db, this.tableName, userPartition(userId), 'shared#')).map((item) => String(item.fileId));
  }
}

export class DynamoTrashIndex implements TrashIndex {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  // Sorted by when: an ISO time sorts as text.
  private static key(ownerId: string, fileId: string, at: number) {
    return { pk: userPartition(ownerId), sk: `trash#${new Date(at).toISOString()}#${fileId}` };
  }

  async add(ownerId: string, fileId: string, at: number): Promise<void> {
    await this.db.send(
      new PutCommand({ TableName: this.tableName, Item: { ...DynamoTrashIndex.key(ownerId, fileId, at), fileId, at } }),
    );
  }

  async remove(ownerId: string, fileId: string, at: number): Promise<void> {
    await this.db.send(
      new DeleteCommand({ TableName: this.tableName, Key: DynamoTrashIndex.key(ownerId, fileId, at) }),
    );
  }

  async list(ownerId: string): Promise<{ fileId: string; at: number }[]> {
    const items = await query(this.db, this.tableName, userPartition(ownerId), 'trash#', true);
    return items.map((item) => ({ fileId: String(item.fileId), at: Number(item.at) }));
  }
}
