// Listing a folder, paged (domain/folders.ts listChildren on the DynamoDB stores): a folder of 100 files beside one
// of 10,000 (BENCH_FOLDER_FILES) in the same table, its first page, one from the middle and the last. A page is one
// Query of the folder's name claims from where the last page ended, then a batch read per kind of child, so the folder's size
// should not show (flat is the goal). The raw column is that Query alone, by a bare client: whether the emulator
// itself stays flat. Both folders are seeded with BatchWriteItem (seed.ts); the pages take turns call by call, so
// a slow patch of the machine falls on all of them alike.
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { createDynamoClient } from '../../lambda/adapters/dynamo-client';
import { DynamoFileStore } from '../../lambda/adapters/dynamo-file-store';
import { DynamoFolderStore } from '../../lambda/adapters/dynamo-folder-store';
import { claimItem, DynamoNameClaims } from '../../lambda/adapters/dynamo-name-claims';
import { itemFromRecord } from '../../lambda/adapters/file-item';
import { NAMES_PARTITION } from '../../lambda/adapters/partition-keys';
import { childNamespace } from '../../lambda/domain/folder-record';
import { createFolder, listChildren, rootFolder } from '../../lambda/domain/folders';
import { type Emulators, ensureStorage } from '../../lambda/local/emulators';
import { batchPut, SEED_OWNER, seedRecord } from './seed';
import { countFromEnv, fewerCalls, type Loop, latencyOf, round, type Step, timeInterleaved } from './stats';

export const PAGE_SIZE = 50;
const SMALL_FOLDER = 100;
const PAGES = ['first', 'middle', 'last'] as const;
type Page = (typeof PAGES)[number];

export interface FolderListingResult {
  readonly files: number;
  readonly seeding_s: number;
  /** Per page: the listing's p50 and p99, and the raw Query's p50. */
  readonly pages: Record<Page, { readonly p50_ms: number; readonly p99_ms: number; readonly raw_p50_ms: number }>;
}

/** BENCH_FOLDER_FILES: the big folder's size (10,000 by default; 0 skips the comparison). */
export const folderFilesFromEnv = () => countFromEnv('BENCH_FOLDER_FILES', 10_000);

/** Pages listed per position: a twentieth of the main runs' calls, at least 50 (a page is 2 or 3 requests). */
export const folderLoop = (loop: Loop) => fewerCalls(loop, 20, 50);

/** Names sort as numbers do, so "the middle page" and "the last page" start where they should. */
const nameOf = (n: number) => `doc-${String(n).padStart(6, '0')}.docx`;

export async function benchFolderListing(
  emulators: Emulators,
  bigFolder: number,
  loop: Loop,
  progress: (step: string) => void,
): Promise<FolderListingResult[]> {
  const tableName = `bench-folders-${Date.now()}`;
  await ensureStorage(emulators, { tableName });
  const db = createDynamoClient({ region: 'us-east-1', ...emulators });
  const deps = {
    files: new DynamoFileStore(db, tableName),
    folders: new DynamoFolderStore(db, tableName),
    names: new DynamoNameClaims(db, tableName),
    now: Date.now(),
    userId: SEED_OWNER,
  };
  try {
    const root = await rootFolder(deps, SEED_OWNER);
    const folders = [];
    for (const files of [SMALL_FOLDER, bigFolder]) {
      progress(`seeding a folder of ${files.toLocaleString('en-US')} files`);
      const folder = await createFolder(deps, root.folderId, { mode: 'exact', name: `Folder of ${files}` });
      const namespace = childNamespace(folder);
      const records = Array.from({ length: files }, (_, n) => seedRecord(n, nameOf(n), folder.folderId));
      const seconds = await batchPut(emulators, tableName, 2 * files, (i) => {
        const record = records[i >> 1];
        if (record === undefined) throw new Error(`No record ${i >> 1}`);
        return i % 2 === 0
          ? itemFromRecord(record)
          : claimItem(namespace, { name: record.name, fileId: record.fileId, claimedAt: deps.now });
      });
      folders.push({ files, folder, namespace, seconds });
    }
    progress(`listing pages of ${PAGE_SIZE} in folders of ${folders.map((f) => f.files).join(' and ')} files`);
    const steps: { files: number; page: Page; listing: Step; raw: Step }[] = folders.flatMap(
      ({ files, folder, namespace }) =>
        PAGES.map((page) => {
          // A page starts after the name that ended the one before it (listChildren's `next`).
          const start = { first: 0, middle: Math.floor(files / 2), last: files - PAGE_SIZE }[page];
          const after = start === 0 ? undefined : nameOf(start - 1);
          const pk = `${NAMES_PARTITION}${namespace}`;
          const listing: Step = {
            call: async () => {
              const listed = await listChildren(deps, folder, { limit: PAGE_SIZE, ...(after && { after }) });
              if (listed.items.length !== PAGE_SIZE) throw new Error(`${files}/${page}: ${listed.items.length} items`);
            },
          };
          const raw: Step = {
            call: () =>
              db.send(
                new QueryCommand({
                  TableName: tableName,
                  KeyConditionExpression: 'pk = :pk',
                  ExpressionAttributeValues: { ':pk': pk },
                  ConsistentRead: true,
                  Limit: PAGE_SIZE,
                  ...(after && { ExclusiveStartKey: { pk, sk: `name#${after}` } }),
                }),
              ),
          };
          return { files, page, listing, raw };
        }),
    );
    const samples = await timeInterleaved(
      steps.flatMap((step) => [step.listing, step.raw]),
      loop,
    );
    return folders.map(({ files, seconds }) => ({
      files,
      seeding_s: round(seconds, 2),
      pages: Object.fromEntries(
        PAGES.map((page) => {
          const at = steps.findIndex((step) => step.files === files && step.page === page);
          const listing = latencyOf(samples[2 * at] ?? []);
          const raw = latencyOf(samples[2 * at + 1] ?? []);
          return [page, { p50_ms: round(listing.p50), p99_ms: round(listing.p99), raw_p50_ms: round(raw.p50) }];
        }),
      ) as FolderListingResult['pages'],
    }));
  } finally {
    db.destroy();
  }
}
