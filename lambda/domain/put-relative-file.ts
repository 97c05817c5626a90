// PutRelativeFile: a new file made from this one, named by the client exactly (X-WOPI-RelativeTarget) or by the
// host from a suggestion (X-WOPI-SuggestedTarget), as target-name.ts says. It goes where the caller may see every
// name: beside the source when the caller owns it, else among the caller's own documents, so a taken name never
// tells the caller about a file they were not given, and an overwrite only ever meets a file the caller may edit.
import { canEdit } from './access';
import { NotPermittedError } from './errors';
import type { FileRecord } from './file-record';
import { readableFile } from './folders';
import { createAtTarget, type TargetDeps, type TargetName } from './target-name';

export type { TargetName };

export type RelativeDeps = TargetDeps;

export async function putRelativeFile(
  deps: RelativeDeps,
  sourceFileId: string,
  target: TargetName,
  bytes: Uint8Array,
): Promise<FileRecord> {
  // The caller's role may come from a folder the source is in.
  const source = await readableFile(deps, sourceFileId, deps.userId);
  if (!canEdit(source, deps.userId)) throw new NotPermittedError(`${deps.userId} may not change ${sourceFileId}`);
  // Beside the source when the caller owns it; else in the caller's own root, where every name is the caller's.
  const beside = deps.userId === source.ownerId;
  const place = beside ? { ownerId: source.ownerId, folderId: source.folderId } : { ownerId: deps.userId };
  return createAtTarget(deps, place, target, bytes, source.name);
}
