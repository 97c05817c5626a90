// An item's bounded lists (a file's earlier versions, a file's or folder's activity), each stored as one binary: its
// JSON, deflated. DynamoDB bills every write of an item on the whole item, lock writes included, and reads per 4 KB.
// As lists of maps they repeat each field name in every entry and cost the SDK and the table a typed value per
// field; packed, the item of a file with a full history weighs under a third as much (AWS's best practices for large
// items suggest compressing large values). Nothing ever filters or projects on an entry, so nothing needs their
// fields as attributes.
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { Activity } from '../domain/activity';

export function packList(list: readonly unknown[]): Uint8Array {
  return deflateRawSync(JSON.stringify(list));
}

/**
 * The list `packList` made. Anything else throws rather than reading as empty: the sweep deletes the stored
 * contents a record does not list, so a history misread as empty would cost the file its earlier versions.
 */
export function unpackList<T>(packed: Uint8Array, what: string): T[] {
  let list: unknown;
  try {
    list = JSON.parse(inflateRawSync(packed).toString('utf8'));
  } catch (error) {
    throw new Error(`The stored ${what} list cannot be read`, { cause: error });
  }
  if (!Array.isArray(list)) throw new Error(`The stored ${what} list is not a list`);
  return list as T[];
}

/** How the entries of a list are told apart and put in order, to merge two forms of it (lazyList). */
export interface ListEntries<T> {
  readonly key: (entry: T) => string;
  readonly order: (a: T, b: T) => number;
}

/** An activity entry is what was done, by whom, when; the lists run oldest first. */
export const activityEntries: ListEntries<Activity> = {
  key: (entry) => JSON.stringify([entry.at, entry.by, entry.what, entry.detail ?? null, entry.ref ?? null]),
  order: (a, b) => a.at - b.at,
};

/**
 * A record's list as a property unpacked on first use: most reads (CheckFileInfo, GetLock, GetFile, a refused lock
 * write, a folder read for the role it gives) never look at it. `plain` is the list an item stored before packing.
 * An item can hold both: while a deploy replaces the functions, one still running the code from before packing
 * writes its list plain beside the packed one (and sees no history). Both are read, so nothing that function
 * recorded is lost, and the next write of the list packs them together.
 */
export function lazyList<T>(
  packed: Uint8Array | undefined,
  plain: T[] | undefined,
  what: string,
  entries: ListEntries<T>,
): PropertyDescriptor {
  let list: readonly T[] | undefined = packed === undefined ? (plain ?? []) : undefined;
  return {
    enumerable: true,
    get: () => {
      list ??= merged(unpackList<T>(packed as Uint8Array, what), plain ?? [], entries);
      return list;
    },
  };
}

function merged<T>(packed: T[], plain: readonly T[], { key, order }: ListEntries<T>): T[] {
  if (plain.length === 0) return packed;
  const known = new Set(packed.map(key));
  return [...packed, ...plain.filter((entry) => !known.has(key(entry)))].sort(order);
}
