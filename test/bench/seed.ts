// Big tables for the bench, written fast: BatchWriteItem of plain items in the current layout, 25 per request and
// several requests at a time; what DynamoDB leaves unprocessed under load is sent again.
import { createHash } from 'node:crypto';
import { BatchWriteCommand, type BatchWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { createDynamoClient } from '../../lambda/adapters/dynamo-client';
import { newContentKey } from '../../lambda/domain/content-keys';
import { newFileId } from '../../lambda/domain/file-id';
import type { FileRecord } from '../../lambda/domain/file-record';
import type { EmulatorEndpoints } from '../../lambda/local/data-folder-lock';

const BATCH = 25; // BatchWriteItem's most
const IN_FLIGHT = 8;

/** Writes `count` items, the nth made by `itemAt(n)`; seconds it took. */
export async function batchPut(
  endpoints: EmulatorEndpoints,
  tableName: string,
  count: number,
  itemAt: (n: number) => object,
): Promise<number> {
  const db = createDynamoClient({ region: 'us-east-1', ...endpoints });
  const start = performance.now();
  try {
    let next = 0;
    await Promise.all(
      Array.from({ length: IN_FLIGHT }, async () => {
        while (next < count) {
          const size = Math.min(BATCH, count - next);
          const first = next;
          next += size;
          let request: BatchWriteCommandInput['RequestItems'] = {
            [tableName]: Array.from({ length: size }, (_, i) => ({ PutRequest: { Item: itemAt(first + i) } })),
          };
          while (request !== undefined && Object.keys(request).length > 0) {
            request = (await db.send(new BatchWriteCommand({ RequestItems: request }))).UnprocessedItems;
          }
        }
      }),
    );
  } finally {
    db.destroy();
  }
  return (performance.now() - start) / 1000;
}

export const SEED_OWNER = 'bench-seed-owner';

/** An ordinary file record named `name`: one version, the owner's role, no lock, a little activity. */
export function seedRecord(n: number, name: string, folderId?: string): FileRecord {
  const at = Date.UTC(2026, 0, 1) + n * 1000;
  const fileId = newFileId();
  const content = {
    version: 1,
    contentKey: newContentKey(fileId),
    size: 1024,
    sha256: createHash('sha256').update(fileId).digest('base64'),
    modifiedAt: at,
    modifiedBy: SEED_OWNER,
  };
  return {
    fileId,
    name,
    ownerId: SEED_OWNER,
    ...(folderId !== undefined && { folderId }),
    content,
    versions: [],
    access: { [SEED_OWNER]: 'owner' },
    rev: 0,
    activity: [{ at, by: SEED_OWNER, what: 'create' }],
  };
}
