// FileStore on DynamoDB: one item per file holds metadata, content pointer, versions, WOPI lock, check-out, roles
// and activity, so every lock change and every save commit is one conditional write on one item (no
// read-then-write, no transactions).
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { holds, type Rule } from '../domain/conditions';
import type { FileRecord } from '../domain/file-record';
import type { FileChange, FileStore, WriteResult } from '../domain/ports';
import { batchGetAll } from './batch-get';
import { userInfoKey } from './dynamo-user-info-store';
import { conditionExpression, Placeholders, updateExpression } from './file-expressions';
import { fileKey, isCurrentLayout, itemFromRecord, recordFromItem } from './file-item';

// dynalite re-reads a refused item (below); by then another write may have made the rule hold, so it is tried again.
const EMULATOR_ATTEMPTS = 3;

export class DynamoFileStore implements FileStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async get(fileId: string): Promise<FileRecord | undefined> {
    const item = await this.item(fileId);
    return item === undefined ? undefined : recordFromItem(item);
  }

  async getForUser(fileId: string, userId: string) {
    const items = await batchGetAll(this.db, this.tableName, [fileKey(fileId), userInfoKey(userId)]);
    const file = items.find((item) => item.sk === fileKey(fileId).sk);
    const info = items.find((item) => item.sk === userInfoKey(userId).sk)?.info;
    return { record: file && recordFromItem(file), userInfo: typeof info === 'string' ? info : undefined };
  }

  async getMany(fileIds: readonly string[]): Promise<Map<string, FileRecord>> {
    const items = await batchGetAll(
      this.db,
      this.tableName,
      [...new Set(fileIds)].map((id) => fileKey(id)),
    );
    return new Map(items.map(recordFromItem).map((record) => [record.fileId, record]));
  }

  async create(record: FileRecord): Promise<boolean> {
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: itemFromRecord(record),
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  async update(
    fileId: string,
    rule: Rule,
    change: FileChange,
    now: number,
    options: { readonly returnRecord?: boolean } = {},
  ): Promise<WriteResult> {
    for (let attempt = 1; ; attempt++) {
      const p = new Placeholders();
      const condition = conditionExpression(rule, now, p);
      try {
        const { Attributes } = await this.db.send(
          new UpdateCommand({
            TableName: this.tableName,
            Key: fileKey(fileId),
            UpdateExpression: updateExpression(change, p),
            ConditionExpression: condition,
            // DynamoDB refuses an empty map of either.
            ...(Object.keys(p.names).length > 0 && { ExpressionAttributeNames: p.names }),
            ...(Object.keys(p.values).length > 0 && { ExpressionAttributeValues: p.values }),
            ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
            ...(options.returnRecord && { ReturnValues: 'ALL_NEW' }),
          }),
        );
        return { applied: true, ...(Attributes && { record: recordFromItem(Attributes) }) };
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
        // On AWS the failure carries the item it was checked against; dynalite ignores that, so it is read again.
        const returned = error.Item === undefined ? undefined : unmarshall(error.Item);
        const item = returned ?? (await this.item(fileId));
        if (item !== undefined && !isCurrentLayout(item)) {
          // Written before the current layout: brought to it once, then the write is tried on it.
          await this.upgrade(item);
          continue;
        }
        const current = item === undefined ? undefined : recordFromItem(item);
        const reread = returned === undefined;
        if (!reread || attempt >= EMULATOR_ATTEMPTS || !holds(rule, current, now)) return { applied: false, current };
      }
    }
  }

  async purge(fileId: string): Promise<boolean> {
    try {
      await this.db.send(
        new DeleteCommand({
          TableName: this.tableName,
          Key: fileKey(fileId),
          ConditionExpression: '#state = :trashed',
          ExpressionAttributeNames: { '#state': 'state' },
          ExpressionAttributeValues: { ':trashed': 'trashed' },
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  private async item(fileId: string): Promise<Record<string, unknown> | undefined> {
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: fileKey(fileId), ConsistentRead: true }),
    );
    return Item;
  }

  /** Rewrites an item of the earlier layout in the current one, unless another request did so first. */
  private async upgrade(item: Record<string, unknown>): Promise<void> {
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: itemFromRecord(recordFromItem(item)),
          ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(#state)',
          ExpressionAttributeNames: { '#state': 'state' },
        }),
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }
}
