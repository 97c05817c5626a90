// DeleteFile: refused with 409 while the file is locked; otherwise the record goes, then its contents.
import { refusal } from './locks';
import type { ContentStore, FileStore, NameIndex } from './ports';

export interface DeleteDeps {
  readonly files: FileStore;
  readonly contents: ContentStore;
  readonly names: NameIndex;
  readonly now: number;
}

export async function deleteFile(deps: DeleteDeps, fileId: string): Promise<void> {
  const result = await deps.files.remove(fileId, { kind: 'unlocked' }, deps.now);
  if (!result.applied) throw refusal(fileId, result.current, deps.now);
  const record = result.removed;
  // The record is gone, so nothing points at these any more; a failed delete is left to the orphan sweep.
  const keys = [record.content, ...record.versions].map((version) => version.contentKey);
  await Promise.allSettled([
    deps.names.release(record.ownerId, record.name, fileId),
    ...keys.map((key) => deps.contents.delete(key)),
  ]);
}
