// Folders on DynamoDB: one item per folder (its name, parent, roles, revision), so a folder's rename, move or share
// is one conditional write on its own item and never touches what is inside.
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { Activity } from '../domain/activity';
import type { FolderRecord } from '../domain/folder-record';
import type { FolderChange, FolderStore, FolderWriteResult } from '../domain/ports';
import { batchGetAll } from './batch-get';
import { Placeholders } from './file-expressions';
import { activityEntries, lazyList, packList } from './packed-list';
import { FOLDER_PARTITION } from './partition-keys';

export const folderKey = (folderId: string) => ({ pk: `${FOLDER_PARTITION}${folderId}`, sk: 'folder' });

// Its activity list is stored packed (packed-list.ts); a folder written before that has it plain.
function recordOf(item: Record<string, unknown>): FolderRecord {
  const { pk: _pk, sk: _sk, state, trashedAt, trashedBy, activity, activityPacked, ...rest } = item;
  const record = Object.defineProperty(
    state === 'trashed' ? { ...rest, trashed: { at: Number(trashedAt), by: String(trashedBy) } } : rest,
    'activity',
    lazyList(activityPacked as Uint8Array | undefined, activity as Activity[] | undefined, 'activity', activityEntries),
  );
  return record as unknown as FolderRecord;
}

export class DynamoFolderStore implements FolderStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async get(folderId: string): Promise<FolderRecord | undefined> {
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: folderKey(folderId), ConsistentRead: true }),
    );
    return Item === undefined ? undefined : recordOf(Item);
  }

  async getMany(folderIds: readonly string[]): Promise<Map<string, FolderRecord>> {
    const items = await batchGetAll(
      this.db,
      this.tableName,
      [...new Set(folderIds)].map((id) => folderKey(id)),
    );
    return new Map(items.map(recordOf).map((folder) => [folder.folderId, folder]));
  }

  async create(folder: FolderRecord): Promise<boolean> {
    const { trashed: _trashed, activity, ...fields } = folder;
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...folderKey(folder.folderId), ...fields, activityPacked: packList(activity), state: 'active' },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  async update(folderId: string, rev: number, change: FolderChange): Promise<FolderWriteResult> {
    const p = new Placeholders();
    const set: string[] = [];
    const remove: string[] = [];
    const assign = (name: string, value: unknown) => set.push(`${p.name(name)} = ${p.value(value)}`);
    if (change.name !== undefined) assign('name', change.name);
    if (change.parentId !== undefined) assign('parentId', change.parentId);
    for (const [userId, role] of Object.entries(change.access ?? {})) {
      const path = `${p.name('access')}.${p.name(userId)}`;
      if (role === null) remove.push(path);
      else set.push(`${path} = ${p.value(role)}`);
    }
    if (change.trashed === null) {
      assign('state', 'active');
      remove.push('trashedAt', 'trashedBy');
    } else if (change.trashed !== undefined) {
      assign('state', 'trashed');
      assign('trashedAt', change.trashed.at);
      assign('trashedBy', change.trashed.by);
    }
    if (change.activity !== undefined) {
      assign('activityPacked', packList(change.activity));
      remove.push(p.name('activity'));
    }
    if (change.rev !== undefined) assign('rev', change.rev);
    const expression = [set.length > 0 && `SET ${set.join(', ')}`, remove.length > 0 && `REMOVE ${remove.join(', ')}`]
      .filter(Boolean)
      .join(' ');
    try {
      const { Attributes } = await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: folderKey(folderId),
          UpdateExpression: expression,
          ConditionExpression: `rev = ${p.value(rev)}`,
          ExpressionAttributeNames: p.names,
          ExpressionAttributeValues: p.values,
          ReturnValues: 'ALL_NEW',
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      );
      return { applied: true, record: recordOf(Attributes ?? {}) };
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      // dynalite ignores ReturnValuesOnConditionCheckFailure; then the folder is read again.
      const current = error.Item === undefined ? await this.get(folderId) : recordOf(unmarshall(error.Item));
      return { applied: false, current };
    }
  }
}
