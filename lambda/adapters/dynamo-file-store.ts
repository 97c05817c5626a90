// FileStore on DynamoDB: one item per file holds metadata, content pointer, versions and lock, so every
// lock change and every save commit is one conditional write on one item (no read-then-write, no transactions).
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { FileRecord, FileVersion } from '../domain/file-record';
import type { Lock } from '../domain/lock';
import type { LockRequirement } from '../domain/lock-rules';
import type { FileStore, WriteResult } from '../domain/ports';

export const FILE_SORT_KEY = 'file';

export function fileKey(fileId: string): { pk: string; sk: string } {
  return { pk: `file#${fileId}`, sk: FILE_SORT_KEY };
}

// Named parts of every condition. An expired lock (lockExpiresAt <= now) counts as no lock here, so
// correctness never waits for anything to delete stale locks.
const fileExists = 'attribute_exists(pk)';
const unlocked = '(attribute_not_exists(lockId) OR lockExpiresAt <= :now)';
const heldWith = '(lockId = :lockId AND lockExpiresAt > :now)';
const conditions: Record<LockRequirement['kind'], string> = {
  // Lock with the same id only refreshes the timer.
  lockableWith: `(${unlocked} OR lockId = :lockId)`,
  heldWith,
  unlockedAndEmpty: `(${unlocked} AND #content.#size = :zero)`,
};

export function lockCondition(requirement: LockRequirement, now: number) {
  const values: Record<string, unknown> = { ':now': now };
  const names: Record<string, string> = {};
  if (requirement.kind === 'unlockedAndEmpty') {
    values[':zero'] = 0;
    Object.assign(names, { '#content': 'content', '#size': 'size' });
  } else {
    values[':lockId'] = requirement.lockId;
  }
  return { expression: `${fileExists} AND ${conditions[requirement.kind]}`, values, names };
}

interface FileItem {
  pk: string;
  sk: string;
  fileId: string;
  name: string;
  ownerId: string;
  content: FileVersion;
  versions?: FileVersion[];
  lockId?: string;
  lockExpiresAt?: number;
  lockedBy?: string;
}

export function recordFromItem(item: Record<string, unknown>): FileRecord {
  const it = item as unknown as FileItem;
  const lock: Lock | undefined =
    it.lockId === undefined
      ? undefined
      : { id: it.lockId, expiresAt: it.lockExpiresAt ?? 0, holder: it.lockedBy ?? '' };
  return {
    fileId: it.fileId,
    name: it.name,
    ownerId: it.ownerId,
    content: it.content,
    versions: it.versions ?? [],
    ...(lock && { lock }),
  };
}

function itemFromRecord(record: FileRecord): FileItem {
  return {
    ...fileKey(record.fileId),
    fileId: record.fileId,
    name: record.name,
    ownerId: record.ownerId,
    content: record.content,
    versions: [...record.versions],
    ...(record.lock && { lockId: record.lock.id, lockExpiresAt: record.lock.expiresAt, lockedBy: record.lock.holder }),
  };
}

export class DynamoFileStore implements FileStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async get(fileId: string): Promise<FileRecord | undefined> {
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: fileKey(fileId), ConsistentRead: true }),
    );
    return Item === undefined ? undefined : recordFromItem(Item);
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

  async changeLock(
    fileId: string,
    requirement: LockRequirement,
    next: Lock | undefined,
    now: number,
  ): Promise<WriteResult> {
    const condition = lockCondition(requirement, now);
    const update =
      next === undefined
        ? { expression: 'REMOVE lockId, lockExpiresAt, lockedBy', values: {} }
        : {
            expression: 'SET lockId = :newLockId, lockExpiresAt = :expiresAt, lockedBy = :holder',
            values: { ':newLockId': next.id, ':expiresAt': next.expiresAt, ':holder': next.holder },
          };
    return this.conditionalUpdate(fileId, {
      UpdateExpression: update.expression,
      ConditionExpression: condition.expression,
      ExpressionAttributeValues: { ...condition.values, ...update.values },
      ...(Object.keys(condition.names).length > 0 && { ExpressionAttributeNames: condition.names }),
    });
  }

  /**
   * Runs one conditional UpdateItem. On AWS a refused write returns the item it was checked against
   * (ALL_OLD); dynalite ignores that parameter, so only then is the record read once more.
   */
  private async conditionalUpdate(
    fileId: string,
    params: Omit<ConstructorParameters<typeof UpdateCommand>[0], 'TableName' | 'Key'>,
  ): Promise<WriteResult> {
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: fileKey(fileId),
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
          ...params,
        }),
      );
      return { applied: true };
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      if (error.Item !== undefined) return { applied: false, current: recordFromItem(unmarshall(error.Item)) };
      return { applied: false, current: await this.get(fileId) };
    }
  }
}
