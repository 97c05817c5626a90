// The per-owner storage quota (WOPI_QUOTA_BYTES): what an owner stores (current contents, kept versions, recovery
// copies, the trash) is counted on one item per owner, changed by DynamoDB ADD beside the write it accounts for.
// Bytes are taken before they are stored, conditionally, so two racing saves can never both pass the quota; they
// are given back after what they counted is gone. A failure between the two steps therefore only ever leaves the
// count too high (the quota stricter, never exceeded), and the sweep's recount sets it right.
import { StorageFullError } from './errors';
import type { FileRecord, FileVersion } from './file-record';

/** The count per owner (adapters/dynamo-usage-store.ts). */
export interface UsageStore {
  /** Adds `bytes` (negative: frees) to the owner's count; with `limit`, only if the count stays within it. */
  add(ownerId: string, bytes: number, now: number, limit?: number): Promise<boolean>;
  /** Sets the owner's count, unless it changed since `quietSince` (a request may be counting meanwhile). */
  set(ownerId: string, bytes: number, now: number, quietSince: number): Promise<boolean>;
  get(ownerId: string): Promise<{ readonly bytes: number; readonly changedAt: number } | undefined>;
}

export interface Quota {
  /** Counts `bytes` the owner is about to store; StorageFullError (413) when that would pass the quota. */
  take(ownerId: string, bytes: number, now: number): Promise<void>;
  /** Gives back `bytes` the owner no longer stores. */
  free(ownerId: string, bytes: number, now: number): Promise<void>;
  /** The sweep's count of what each owner stores, written for every owner nothing changed for since `quietSince`. */
  recount(bytesByOwner: ReadonlyMap<string, number>, quietSince: number, now: number): Promise<void>;
}

/** No quota (the default): nothing is counted, and no request is made. */
export const noQuota: Quota = {
  take: async () => undefined,
  free: async () => undefined,
  recount: async () => undefined,
};

export function quotaOf(limitBytes: number | undefined, usage: UsageStore): Quota {
  if (limitBytes === undefined) return noQuota;
  return {
    take: async (ownerId, bytes, now) => {
      if (bytes <= 0) return;
      if (bytes > limitBytes || !(await usage.add(ownerId, bytes, now, limitBytes))) {
        throw new StorageFullError(`The owner's storage quota (${limitBytes} bytes) has no room for ${bytes} more`);
      }
    },
    free: async (ownerId, bytes, now) => {
      // A failure leaves the count high, which the sweep's recount corrects; the bytes are gone either way.
      if (bytes > 0) await usage.add(ownerId, -bytes, now).catch(() => undefined);
    },
    recount: async (bytesByOwner, quietSince, now) => {
      for (const [ownerId, bytes] of bytesByOwner) await usage.set(ownerId, bytes, now, quietSince);
    },
  };
}

/** What a record keeps in storage: its current content and every kept version. */
export function storedBytes(record: Pick<FileRecord, 'content' | 'versions'>): number {
  return sumOfSizes([record.content, ...record.versions]);
}

export function sumOfSizes(items: readonly Pick<FileVersion, 'size'>[]): number {
  return items.reduce((sum, item) => sum + item.size, 0);
}
