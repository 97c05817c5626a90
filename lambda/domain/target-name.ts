// A new file named the way PutRelativeFile and CreateChildFile name it: exactly (X-WOPI-RelativeTarget), where a
// taken name is refused unless the client asks to overwrite, or from a suggestion (X-WOPI-SuggestedTarget), which
// the host turns into a free, legal name and never refuses.
import { canEdit } from './access';
import { type CreateStores, createFile } from './create-file';
import { FileNameTakenError, NotFoundError, NotPermittedError, RelativeTargetTakenError } from './errors';
import { sanitizeFileName, validateFileName, withoutExtension } from './file-name';
import type { FileRecord } from './file-record';
import { effectiveRecord } from './folders';
import { fileNamespace, freeNameLike, resolveName } from './names';
import { type SaveDeps, saveFile } from './save-file';

export type TargetName =
  /** Host picks a free name; ".ext" alone means "the base name with this extension". Never refused. */
  | { readonly mode: 'suggested'; readonly name: string }
  /** Exactly this name; a taken name is refused unless overwrite is asked and the target is unlocked. */
  | { readonly mode: 'relative'; readonly name: string; readonly overwrite: boolean };

export type TargetDeps = CreateStores & SaveDeps;

/** Where the new file goes: its owner, and its folder (absent: the owner's root). */
export interface Place {
  readonly ownerId: string;
  readonly folderId?: string | undefined;
}

/**
 * Makes the file at `place` with `bytes`, or with an overwrite saves them over the file of that name. `baseName` is
 * what a suggested ".ext" is joined to and what an unusable suggestion falls back to.
 */
export async function createAtTarget(
  deps: TargetDeps,
  place: Place,
  target: TargetName,
  bytes: Uint8Array,
  baseName: string,
): Promise<FileRecord> {
  const newFile = { ...place, bytes, createdBy: deps.userId };
  if (target.mode === 'suggested') {
    const wanted = target.name.startsWith('.') ? `${withoutExtension(baseName)}${target.name}` : target.name;
    return createFile(deps, { ...newFile, name: sanitizeFileName(wanted, baseName) }, deps.now, true);
  }
  const name = validateFileName(target.name);
  try {
    return await createFile(deps, { ...newFile, name }, deps.now);
  } catch (error) {
    if (!(error instanceof FileNameTakenError)) throw error;
    const namespace = fileNamespace(place);
    const existing = await resolveName(deps, namespace, name);
    if (!target.overwrite || existing === undefined) {
      throw new RelativeTargetTakenError(name, await freeNameLike(deps, namespace, name, deps.now));
    }
    // Its role may come from a folder, as every other write's does.
    if (!canEdit(await effectiveRecord(deps.folders, existing, deps.userId), deps.userId)) {
      throw new NotPermittedError(`${deps.userId} may not overwrite ${name}`);
    }
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
