// PutRelativeFile: a new file beside the current one (same owner), named by the client exactly
// (X-WOPI-RelativeTarget) or by the host from a suggestion (X-WOPI-SuggestedTarget).
import { type CreateStores, createFile } from './create-file';
import { FileNameTakenError, NotFoundError, RelativeTargetTakenError } from './errors';
import { candidateNames, sanitizeFileName, validateFileName, withoutExtension } from './file-name';
import type { FileRecord } from './file-record';
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
  if (source === undefined) throw new NotFoundError(`File ${sourceFileId} does not exist`);
  const newFile = { ownerId: source.ownerId, bytes, createdBy: deps.userId };
  if (target.mode === 'suggested') {
    const wanted = target.name.startsWith('.') ? `${withoutExtension(source.name)}${target.name}` : target.name;
    return createFile(deps, { ...newFile, name: sanitizeFileName(wanted, source.name) }, deps.now, true);
  }
  const name = validateFileName(target.name);
  try {
    return await createFile(deps, { ...newFile, name }, deps.now);
  } catch (error) {
    if (!(error instanceof FileNameTakenError)) throw error;
    if (!target.overwrite) throw new RelativeTargetTakenError(name, await freeName(deps, source.ownerId, name));
    // Overwriting is a save without a lock: allowed only while the target is unlocked.
    await saveFile(deps, error.holderFileId, {
      requirement: { kind: 'unlocked' },
      bytes,
      saveContext: {},
      expectedLastModified: undefined,
    });
    const overwritten = await deps.files.get(error.holderFileId);
    if (overwritten === undefined) throw new NotFoundError(`File ${error.holderFileId} was deleted meanwhile`);
    return overwritten;
  }
}

async function freeName(deps: RelativeDeps, ownerId: string, name: string): Promise<string | undefined> {
  for (const candidate of candidateNames(name, 20)) {
    if ((await deps.names.find(ownerId, candidate)) === undefined) return candidate;
  }
  return undefined;
}
