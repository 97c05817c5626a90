// GetFile: the exact bytes of the current content, or a redirect to them when they are too large to pass
// through the host's response.

import { PreconditionFailedError } from './errors';
import type { FileRecord } from './file-record';
import { readableFile } from './folders';
import type { ContentStore, FileStore, FolderStore } from './ports';

export type Download =
  | { readonly kind: 'bytes'; readonly record: FileRecord; readonly bytes: Uint8Array }
  | { readonly kind: 'redirect'; readonly record: FileRecord; readonly url: string };

export interface ReadOptions {
  /** X-WOPI-MaxExpectedSize, if sent. */
  readonly maxExpectedSize: number | undefined;
  /** Larger contents are answered with a redirect to a short-lived URL. */
  readonly inlineLimit: number;
  readonly urlTtlSeconds: number;
}

export async function readFile(
  stores: { readonly files: FileStore; readonly folders: FolderStore; readonly contents: ContentStore },
  fileId: string,
  userId: string,
  options: ReadOptions,
): Promise<Download> {
  const record = await readableFile(stores, fileId, userId);
  const max = options.maxExpectedSize;
  if (max !== undefined && record.content.size > max) {
    throw new PreconditionFailedError(
      `The file is ${record.content.size} bytes, more than X-WOPI-MaxExpectedSize ${max}`,
    );
  }
  const key = record.content.contentKey;
  if (record.content.size > options.inlineLimit) {
    return { kind: 'redirect', record, url: await stores.contents.downloadUrl(key, options.urlTtlSeconds) };
  }
  return { kind: 'bytes', record, bytes: await stores.contents.get(key) };
}
