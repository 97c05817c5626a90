// Issue 15: a file's item bills every lock write on its whole size (per 1 KB) and every read per 4 KB, and it holds
// the version history and the activity list. Stored packed (lambda/adapters/packed-list.ts), a file with a full
// history stays within one read unit, where its lists as plain DynamoDB lists weighed over three times as much.
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDynamoClient } from '../../lambda/adapters/dynamo-client';
import { ACTIVITY_KEPT } from '../../lambda/domain/activity';
import { itemBytes } from '../support/item-size';
import { lock } from '../support/lock-calls';
import { addTestFile, putFile, recordOf } from '../support/wopi-files';
import { startTestHost, type TestHost } from '../support/wopi-host';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const SAVES = 120;

let host: TestHost;
beforeAll(async () => {
  host = await startTestHost();
});
afterAll(() => host.close());

async function storedItem(fileId: string): Promise<Record<string, unknown>> {
  const db = createDynamoClient(host.deps.config);
  const { Item } = await db.send(
    new GetCommand({
      TableName: host.deps.config.tableName,
      Key: { pk: `file#${fileId}`, sk: 'file' },
      ConsistentRead: true,
    }),
  );
  db.destroy();
  if (Item === undefined) throw new Error(`No item for ${fileId}`);
  return Item;
}

describe("a file's item", () => {
  it(`is one read unit (4 KB) after ${SAVES} saves over 60 days, under a third of it with its lists plain`, async () => {
    // Prepare: two saves a day by an editor, as Collabora's X-WOPI-Editors and flags describe them; the clock ends
    // before the real time, which S3 uses.
    host.clock.advance(Date.now() - 61 * DAY - host.clock.now());
    const file = await addTestFile(host, { bytes: 'first draft' });
    await host.share(file.fileId, 'editor-1', 'edit');
    // Act
    for (let n = 1; n <= SAVES; n++) {
      host.clock.advance(12 * HOUR);
      // Each session has its own token and locks again: the last one's lock expired in the 12 hours.
      const token = await host.token(file.fileId, 'write', { userId: 'editor-1' });
      expect((await lock(host, file.fileId, 'L', { token })).status).toBe(200);
      const saved = await putFile(
        host,
        file.fileId,
        `draft ${n}`,
        { 'X-WOPI-Lock': 'L', 'X-WOPI-Editors': 'editor-1', 'X-COOL-WOPI-IsModifiedByUser': 'true' },
        token,
      );
      expect(saved.status).toBe(200);
    }
    // Assess
    const record = await recordOf(host, file.fileId);
    expect(record.versions.length).toBeGreaterThanOrEqual(30);
    expect(record.activity).toHaveLength(ACTIVITY_KEPT);
    const item = await storedItem(file.fileId);
    expect(Object.keys(item)).not.toContain('versions');
    expect(Object.keys(item)).not.toContain('activity');
    const { versionsPacked, activityPacked, ...rest } = item;
    const plain = itemBytes({ ...rest, versions: record.versions, activity: record.activity });
    expect({ oneReadUnit: itemBytes(item) <= 4 * 1024, thirdOfPlain: itemBytes(item) < plain / 3 }).toEqual({
      oneReadUnit: true,
      thirdOfPlain: true,
    });
  });
});
