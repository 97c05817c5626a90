// Adding a new file: claim its name, store its bytes under a fresh key, then the record that points at them.
import { newContentKey, sha256Base64 } from './content-keys';
import { FileNameTakenError } from './errors';
import { newFileId } from './file-id';
import { candidateNames, extensionOf, sanitizeFileName, validateFileName, withoutExtension } from './file-name';
import type { FileRecord } from './file-record';
import type { ContentStore, FileStore, NameIndex } from './ports';

export interface NewFile {
  readonly name: string;
  readonly ownerId: string;
  readonly bytes: Uint8Array;
  /** Who sent the bytes; the owner when omitted. */
  readonly createdBy?: string;
}

export interface CreateStores {
  readonly files: FileStore;
  readonly contents: ContentStore;
  readonly names: NameIndex;
}

// After this many "name (n)" tries a free name is made unique with part of the new id.
const NAME_TRIES = 20;

/**
 * Creates the file. A taken name throws FileNameTakenError, unless `pickFreeName` lets the host choose
 * "name (2).ext" and so on, as PutRelativeFile's SuggestedTarget mode requires.
 */
export async function createFile(
  stores: CreateStores,
  file: NewFile,
  now: number,
  pickFreeName = false,
): Promise<FileRecord> {
  const fileId = newFileId();
  const name = await claimName(stores, file.ownerId, validateFileName(file.name), fileId, pickFreeName);
  const contentKey = newContentKey(fileId);
  try {
    await stores.contents.put(contentKey, file.bytes);
    const record: FileRecord = {
      fileId,
      name,
      ownerId: file.ownerId,
      content: {
        version: 1,
        contentKey,
        size: file.bytes.byteLength,
        sha256: sha256Base64(file.bytes),
        modifiedAt: now,
        modifiedBy: file.createdBy ?? file.ownerId,
      },
      versions: [],
    };
    // 128 random bits: a collision is a bug, not a user error.
    if (!(await stores.files.create(record))) throw new Error(`File id ${fileId} already exists`);
    return record;
  } catch (error) {
    await Promise.allSettled([stores.contents.delete(contentKey), stores.names.release(file.ownerId, name, fileId)]);
    throw error;
  }
}

async function claimName(
  stores: CreateStores,
  ownerId: string,
  name: string,
  fileId: string,
  pickFreeName: boolean,
): Promise<string> {
  const candidates = pickFreeName ? [...candidateNames(name, NAME_TRIES)] : [name];
  for (const candidate of candidates) {
    const holder = await stores.names.claim(ownerId, candidate, fileId);
    if (holder === undefined) return candidate;
    if (!pickFreeName) throw new FileNameTakenError(candidate, holder);
  }
  const fallback = sanitizeFileName(`${withoutExtension(name)} ${fileId.slice(0, 8)}${extensionOf(name)}`, name);
  const holder = await stores.names.claim(ownerId, fallback, fileId);
  if (holder !== undefined) throw new FileNameTakenError(fallback, holder);
  return fallback;
}
