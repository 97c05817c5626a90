// Name claims per namespace: one item per (namespace, lower-cased name) naming the file that claimed it and when.
// A claim is one conditional PutItem, so two files can never both hold a name; whether a claim is still trusted is
// the domain's rule (domain/names.ts).
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  paginateQuery,
  QueryCommand,
} from '@aws-sdk/lib-dynamodb';
import type { NameClaim, NameClaims } from '../domain/ports';
import { NAMES_PARTITION } from './partition-keys';

const key = (namespace: string, name: string) => ({
  pk: `${NAMES_PARTITION}${namespace}`,
  sk: `name#${name.toLowerCase()}`,
});

function claimOf(item: Record<string, unknown>): NameClaim {
  return {
    name: String(item.name),
    fileId: String(item.fileId),
    claimedAt: Number(item.claimedAt ?? 0),
    ...(item.kind === 'folder' && { kind: 'folder' as const }),
  };
}

export class DynamoNameClaims implements NameClaims {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async put(namespace: string, claim: NameClaim, replacing?: NameClaim): Promise<boolean> {
    // Claiming a name the same file already holds is not a conflict; taking over needs the very claim judged stale.
    const condition =
      replacing === undefined
        ? { ConditionExpression: 'attribute_not_exists(pk) OR fileId = :fileId', values: { ':fileId': claim.fileId } }
        : {
            ConditionExpression: 'fileId = :staleId AND claimedAt = :staleAt',
            values: { ':staleId': replacing.fileId, ':staleAt': replacing.claimedAt },
          };
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...key(namespace, claim.name), ...claim },
          ConditionExpression: condition.ConditionExpression,
          ExpressionAttributeValues: condition.values,
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  async get(namespace: string, name: string): Promise<NameClaim | undefined> {
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: key(namespace, name), ConsistentRead: true }),
    );
    return Item === undefined ? undefined : claimOf(Item);
  }

  async delete(namespace: string, name: string, fileId: string): Promise<void> {
    try {
      await this.db.send(
        new DeleteCommand({
          TableName: this.tableName,
          Key: key(namespace, name),
          ConditionExpression: 'fileId = :fileId',
          ExpressionAttributeValues: { ':fileId': fileId },
        }),
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }

  async page(namespace: string, limit: number, after?: string): Promise<{ claims: NameClaim[]; next?: string }> {
    const { pk } = key(namespace, '');
    const { Items, LastEvaluatedKey } = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': pk },
        ConsistentRead: true,
        Limit: limit,
        ...(after !== undefined && { ExclusiveStartKey: { pk, sk: `name#${after}` } }),
      }),
    );
    const claims = (Items ?? []).map(claimOf);
    const last = typeof LastEvaluatedKey?.sk === 'string' ? LastEvaluatedKey.sk.slice('name#'.length) : undefined;
    return { claims, ...(last !== undefined && { next: last }) };
  }

  async list(namespace: string): Promise<NameClaim[]> {
    const claims: NameClaim[] = [];
    const pages = paginateQuery(
      { client: this.db },
      {
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': key(namespace, '').pk },
        ConsistentRead: true,
      },
    );
    for await (const page of pages) for (const item of page.Items ?? []) claims.push(claimOf(item));
    return claims;
  }
}
