// Number claims: one item per (kind, number) naming its holder. A claim is one conditional PutItem, so two holders can
// never both hold a number, and claims of different numbers never touch one item; whether a claim is trusted is the
// domain's rule (domain/numbers.ts).
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { NumberClaims, NumberKind } from '../domain/ports';
import { ASSOCIATE_NUMBER_PARTITION, DOCUMENT_NUMBER_PARTITION } from './partition-keys';

const partition: Readonly<Record<NumberKind, string>> = {
  docno: DOCUMENT_NUMBER_PARTITION,
  assoc: ASSOCIATE_NUMBER_PARTITION,
};
const key = (kind: NumberKind, n: number) => ({ pk: `${partition[kind]}${n}`, sk: 'claim' });

export class DynamoNumberClaims implements NumberClaims {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async claim(kind: NumberKind, n: number, holder: string): Promise<boolean> {
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...key(kind, n), holder },
          // Not "or already this holder's": two racing numberings of one file may draw the same number, and the
          // loser's release must not free the winner's claim.
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  async holder(kind: NumberKind, n: number): Promise<string | undefined> {
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: key(kind, n), ConsistentRead: true }),
    );
    return typeof Item?.holder === 'string' ? Item.holder : undefined;
  }

  async release(kind: NumberKind, n: number, holder: string): Promise<void> {
    try {
      await this.db.send(
        new DeleteCommand({
          TableName: this.tableName,
          Key: key(kind, n),
          ConditionExpression: 'holder = :holder',
          ExpressionAttributeValues: { ':holder': holder },
        }),
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }
}
