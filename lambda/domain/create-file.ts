// Adding a new file: its bytes first, under a fresh key, then the record that points at them.
import { newContentKey, sha256Base64 } from './content';
import { newFileId } from './file-id';
import type { FileRecord } from './file-record';
import type { ContentStore, FileStore } from './ports';

export interface NewFile {
  readonly name: string;
  readonly ownerId: string;
  readonly bytes: Uint8Array;
}

export async function createFile(
  stores: { readonly files: FileStore; readonly contents: ContentStore },
  file: NewFile,
  now: number,
): Promise<FileRecord> {
  const fileId = newFileId();
  const contentKey = newContentKey(fileId);
  await stores.contents.put(contentKey, file.bytes);
  const record: FileRecord = {
    fileId,
    name: file.name,
    ownerId: file.ownerId,
    content: {
      version: 1,
      contentKey,
      size: file.bytes.byteLength,
      sha256: sha256Base64(file.bytes),
      modifiedAt: now,
      modifiedBy: file.ownerId,
    },
    versions: [],
  };
  if (!(await stores.files.create(record))) {
    await stores.contents.delete(contentKey);
    throw new Error(`File id ${fileId} already exists`); // 128 random bits: a collision is a bug, not a user error
  }
  return record;
}
