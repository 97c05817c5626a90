// PutRelativeFile: a new file made from this one, named by the client exactly (X-WOPI-RelativeTarget) or by the
// host from a suggestion (X-WOPI-SuggestedTarget). It goes where the caller may see every name: beside the source
// when the caller owns it, else among the caller's own documents, so a taken name never tells the caller about a
// file they were not given, and an overwrite only ever meets a file the caller may edit.
import { canEdit } from './access';
import { type CreateStores, createFile } from './create-file';
import { FileNameTakenError, NotFoundError, NotPermittedError, RelativeTargetTakenError } from './errors';
import { candidateNames, sanitizeFileName, validateFileName, withoutExtension } from './file-name';
import type { FileRecord } from './file-record';
import { fileNamespace, nameIsFree, resolveName } from './names';
import { type SaveDeps, saveFile } from './save-file';

export type TargetName =
  /** Host picks a free name; ".ext" alone means "the current name with this extension". Never refused. */
  | { readonly mode: 'suggested'; readonly name: string }
  /** Exactly this name; a taken name is refused unless overwrite is asked and the target is unlocked. */
  | { readonly mode: 'relative'; readonly name: string; readonly overwrite: boolean };

export type RelativeDeps = CreateStores & SaveDeps;

export async function putRelativeFile(
  deps: RelativeDeps,
  sourceFileId: string,
  target: TargetName,
  bytes: Uint8Array,
): Promise<FileRecord> {
  const source = await deps.files.get(sourceFileId);
  if (source === undefined || source.trashed !== undefined) {
    throw new NotFoundError(`File ${sourceFileId} does not exist`);
  }
  if (!canEdit(source, deps.userId)) throw new NotPermittedError(`${deps.userId} may not change ${sourceFileId}`);
  // Beside the source when the caller owns it; else in the caller's own root, where every name is the caller's.
  const beside = deps.userId === source.ownerId;
  const ownerId = beside ? source.ownerId : deps.userId;
  const folderId = beside ? source.folderId : undefined;
  const namespace = fileNamespace({ ownerId, folderId });
  const newFile = { ownerId, folderId, bytes, createdBy: deps.userId };
  if (target.mode === 'suggested') {
    const wanted = target.name.startsWith('.') ? `${withoutExtension(source.name)}${target.name}` : target.name;
    return createFile(deps, { ...newFile, name: sanitizeFileName(wanted, source.name) }, deps.now, true);
  }
  const name = validateFileName(target.name);
  try {
    return await createFile(deps, { ...newFile, name }, deps.now);
  } catch (error) {
    if (!(error instanceof FileNameTakenError)) throw error;
    const existing = await resolveName(deps, namespace, name);
    if (!target.overwrite || existing === undefined) {
      throw new RelativeTargetTakenError(name, await freeName(deps, namespace, name));
    }
    if (!canEdit(existing, deps.userId)) throw new NotPermittedError(`${deps.userId} may not overwrite ${name}`);
    // Overwriting is a save without a lock: allowed only while the target is unlocked.
    await saveFile(deps, existing.fileId, {
      requirement: { kind: 'unlocked' },
      bytes,
      saveContext: {},
      expectedLastModified: undefined,
    });
    const overwritten = await deps.files.get(existing.fileId);
    if (overwritten === undefined) throw new NotFoundError(`File ${existing.fileId} was deleted meanwhile`);
    return overwritten;
  }
}

async function freeName(deps: RelativeDeps, namespace: string, name: string): Promise<string | undefined> {
  for (const candidate of candidateNames(name, 20)) {
    if (await nameIsFree(deps, namespace, candidate, deps.now)) return candidate;
  }
  return undefined;
}
