// Each owner's stored bytes, for the quota (domain/quota.ts): one item per owner, changed only by ADD, so racing
// requests never lose each other's counts, and a change within the quota is one conditional UpdateItem.
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { UsageStore } from '../domain/quota';
import { USAGE_PARTITION } from './partition-keys';

const usageKey = (ownerId: string) => ({ pk: `${USAGE_PARTITION}${ownerId}`, sk: 'usage' });

export class DynamoUsageStore implements UsageStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  add(ownerId: string, bytes: number, now: number, limit?: number): Promise<boolean> {
    return this.update(ownerId, {
      UpdateExpression: 'ADD #bytes :bytes SET changedAt = :now',
      ...(limit !== undefined && {
        // The count after the change stays within the limit; a missing count is 0.
        ConditionExpression: 'attribute_not_exists(#bytes) OR #bytes <= :room',
      }),
      ExpressionAttributeValues: {
        ':bytes': bytes,
        ':now': now,
        ...(limit !== undefined && { ':room': limit - bytes }),
      },
    });
  }

  set(ownerId: string, bytes: number, now: number, quietSince: number): Promise<boolean> {
    return this.update(ownerId, {
      UpdateExpression: 'SET #bytes = :bytes, changedAt = :now',
      ConditionExpression: 'attribute_not_exists(changedAt) OR changedAt < :quietSince',
      ExpressionAttributeValues: { ':bytes': bytes, ':now': now, ':quietSince': quietSince },
    });
  }

  async get(ownerId: string): Promise<{ bytes: number; changedAt: number } | undefined> {
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: usageKey(ownerId), ConsistentRead: true }),
    );
    return Item === undefined ? undefined : { bytes: Number(Item.bytes ?? 0), changedAt: Number(Item.changedAt ?? 0) };
  }

  private async update(
    ownerId: string,
    expression: Pick<UpdateCommand['input'], 'UpdateExpression' | 'ConditionExpression' | 'ExpressionAttributeValues'>,
  ): Promise<boolean> {
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: usageKey(ownerId),
          ExpressionAttributeNames: { '#bytes': 'bytes' },
          ...expression,
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }
}
