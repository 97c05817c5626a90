// FileStore on DynamoDB: one item per file holds metadata, content pointer, versions and lock, so every
// lock change and every save commit is one conditional write on one item (no read-then-write, no transactions).
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { FileRecord, FileVersion, Share } from '../domain/file-record';
import type { Lock } from '../domain/lock';
import type { LockRequirement } from '../domain/lock-rules';
import type { FileStore, RemoveResult, WriteResult } from '../domain/ports';

const FILE_SORT_KEY = 'file';

export function fileKey(fileId: string): { pk: string; sk: string } {
  return { pk: `file#${fileId}`, sk: FILE_SORT_KEY };
}

// Named parts of every condition. An expired lock (lockExpiresAt <= now) counts as no lock here, so
// correctness never waits for anything to delete stale locks.
const fileExists = 'attribute_exists(pk)';
// A lock without an expiry reads as expired (recordFromItem), so the condition treats it the same way.
const unlocked = '(attribute_not_exists(lockId) OR attribute_not_exists(lockExpiresAt) OR lockExpiresAt <= :now)';
// A WOPI lock ID matches only a WOPI client's lock, never a check-out (lockKind 'checkout').
const wopiLock = '(attribute_not_exists(lockKind) OR lockKind <> :checkout)';
const heldWith = `(lockId = :lockId AND lockExpiresAt > :now AND ${wopiLock})`;
const checkedOut = '(lockKind = :checkout AND lockExpiresAt > :now)';
const empty = '#content.#size = :zero';

/** The ConditionExpression that states `requirement` (domain/lock-rules.ts) for one file item. */
export function lockCondition(requirement: LockRequirement, now: number) {
  const values: Record<string, unknown> = { ':now': now };
  const names: Record<string, string> = {};
  const useLockId = (lockId: string) => {
    values[':lockId'] = lockId;
    values[':checkout'] = 'checkout';
  };
  const useHolder = (userId: string) => {
    values[':holder'] = userId;
    values[':checkout'] = 'checkout';
  };
  const useEmpty = () => {
    values[':zero'] = 0;
    Object.assign(names, { '#content': 'content', '#size': 'size' });
  };
  let rule: string;
  switch (requirement.kind) {
    case 'lockableWith':
      useLockId(requirement.lockId);
      rule = `(${unlocked} OR (lockId = :lockId AND ${wopiLock}))`; // the same id only refreshes the timer
      break;
    case 'heldWith':
      useLockId(requirement.lockId);
      rule = heldWith;
      break;
    case 'savableWith':
      useEmpty();
      if (requirement.lockId === undefined) rule = `(${unlocked} AND ${empty})`;
      else {
        useLockId(requirement.lockId);
        rule = `(${heldWith} OR (${unlocked} AND ${empty}))`;
      }
      break;
    case 'unlocked':
      rule = unlocked;
      break;
    case 'checkOutBy':
      useHolder(requirement.userId);
      rule = `(${unlocked} OR (${checkedOut} AND lockedBy = :holder))`;
      break;
    case 'checkedOutBy':
      values[':checkout'] = 'checkout';
      if (requirement.userId === undefined) rule = checkedOut;
      else {
        useHolder(requirement.userId);
        rule = `(${checkedOut} AND lockedBy = :holder)`;
      }
      break;
  }
  return { expression: `${fileExists} AND ${rule}`, values, names };
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
  shares?: Record<string, Share>;
  lockKind?: 'wopi' | 'checkout';
  lockedByName?: string;
}

function recordFromItem(item: Record<string, unknown>): FileRecord {
  const it = item as unknown as FileItem;
  const lock: Lock | undefined =
    it.lockId === undefined
      ? undefined
      : {
          id: it.lockId,
          expiresAt: it.lockExpiresAt ?? 0,
          holder: it.lockedBy ?? '',
          ...(it.lockKind === 'checkout' && { kind: 'checkout' as const }),
          ...(it.lockedByName !== undefined && { holderName: it.lockedByName }),
        };
  return {
    fileId: it.fileId,
    name: it.name,
    ownerId: it.ownerId,
    content: it.content,
    versions: it.versions ?? [],
    shares: it.shares ?? {},
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
    shares: { ...record.shares },
    ...(record.lock && {
      lockId: record.lock.id,
      lockExpiresAt: record.lock.expiresAt,
      lockedBy: record.lock.holder,
      lockKind: record.lock.kind,
      lockedByName: record.lock.holderName,
    }),
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
    const lockAttributes = 'lockId, lockExpiresAt, lockedBy, lockKind, lockedByName';
    const update =
      next === undefined
        ? { expression: `REMOVE ${lockAttributes}`, values: {} }
        : {
            expression:
              'SET lockId = :newLockId, lockExpiresAt = :expiresAt, lockedBy = :newHolder, lockKind = :newKind, ' +
              'lockedByName = :newHolderName',
            values: {
              ':newLockId': next.id,
              ':expiresAt': next.expiresAt,
              ':newHolder': next.holder,
              ':newKind': next.kind ?? 'wopi',
              ':newHolderName': next.holderName ?? next.holder,
            },
          };
    return this.conditionalUpdate(fileId, {
      UpdateExpression: update.expression,
      ConditionExpression: condition.expression,
      ExpressionAttributeValues: { ...condition.values, ...update.values },
      ...(Object.keys(condition.names).length > 0 && { ExpressionAttributeNames: condition.names }),
    });
  }

  async commitContent(
    fileId: string,
    requirement: LockRequirement,
    expectedVersion: number,
    content: FileVersion,
    versions: readonly FileVersion[],
    now: number,
  ): Promise<WriteResult> {
    const condition = lockCondition(requirement, now);
    return this.conditionalUpdate(fileId, {
      UpdateExpression: 'SET #content = :content, versions = :versions',
      // The history is rewritten from the record the save read, so it must still be that record.
      ConditionExpression: `${condition.expression} AND #content.#version = :expectedVersion`,
      ExpressionAttributeNames: { ...condition.names, '#content': 'content', '#version': 'version' },
      ExpressionAttributeValues: {
        ...condition.values,
        ':content': content,
        ':versions': versions,
        ':expectedVersion': expectedVersion,
      },
    });
  }

  async rename(fileId: string, requirement: LockRequirement, name: string, now: number): Promise<WriteResult> {
    const condition = lockCondition(requirement, now);
    return this.conditionalUpdate(fileId, {
      UpdateExpression: 'SET #name = :name',
      ConditionExpression: condition.expression,
      ExpressionAttributeNames: { ...condition.names, '#name': 'name' },
      ExpressionAttributeValues: { ...condition.values, ':name': name },
    });
  }

  async share(fileId: string, userId: string, share: Share | undefined): Promise<boolean> {
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: fileKey(fileId),
          UpdateExpression: share === undefined ? 'REMOVE shares.#user' : 'SET shares.#user = :share',
          ConditionExpression: fileExists,
          ExpressionAttributeNames: { '#user': userId },
          ...(share !== undefined && { ExpressionAttributeValues: { ':share': share } }),
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  async remove(fileId: string, requirement: LockRequirement, now: number): Promise<RemoveResult> {
    const condition = lockCondition(requirement, now);
    try {
      const { Attributes } = await this.db.send(
        new DeleteCommand({
          TableName: this.tableName,
          Key: fileKey(fileId),
          ConditionExpression: condition.expression,
          ExpressionAttributeValues: condition.values,
          ...(Object.keys(condition.names).length > 0 && { ExpressionAttributeNames: condition.names }),
          ReturnValues: 'ALL_OLD',
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      );
      if (Attributes === undefined) throw new Error(`Deleted file ${fileId} returned no attributes`);
      return { applied: true, removed: recordFromItem(Attributes) };
    } catch (error) {
      return { applied: false, current: await this.refusedRecord(fileId, error) };
    }
  }

  /** Runs one conditional UpdateItem that asks for the item back when refused. */
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
      return { applied: false, current: await this.refusedRecord(fileId, error) };
    }
  }

  /**
   * The record a refused write was checked against. On AWS the failure carries it (ALL_OLD); dynalite
   * ignores that parameter, so only then is the record read once more. Any other error is rethrown.
   */
  private async refusedRecord(fileId: string, error: unknown): Promise<FileRecord | undefined> {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
    if (error.Item !== undefined) return recordFromItem(unmarshall(error.Item));
    return this.get(fileId);
  }
}
