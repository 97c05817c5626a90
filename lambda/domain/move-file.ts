// Moving a file to another folder of its owner's tree: claim its name there, move it with one write that requires
// the record as read, free the old claim; as a rename, a crash between the steps leaves only a stale claim. The file
// keeps its id, so an open WOPI session goes on.
import { EDIT_ROLES } from './access';
import { withActivity } from './activity';
import { ConflictError, ForbiddenError, NameTakenError, NotFoundError, NotPermittedError } from './errors';
import type { FileRecord } from './file-record';
import { rootFolderId } from './folder-record';
import { actingRole, type FolderDeps, liveFolder, roleOnFile, rootFolder } from './folders';
import { claimName, fileNamespace, releaseName } from './names';
import { checkedOutByOther, revisedWrite } from './write-rules';

const ATTEMPTS = 5;

/** Moves the file into `folderId` (the owner's root id, or a folder of the owner's tree). */
export async function moveFile(deps: FolderDeps, fileId: string, folderId: string): Promise<FileRecord> {
  for (let attempt = 1; ; attempt++) {
    const record = await deps.files.get(fileId);
    if (record === undefined || record.trashed !== undefined) throw new NotFoundError(`File ${fileId} does not exist`);
    const role = deps.asAdministrator === true ? 'owner' : await roleOnFile(deps.folders, record, deps.userId);
    if (role === undefined || !EDIT_ROLES.includes(role))
      throw new NotPermittedError(`${deps.userId} may not move ${fileId}`);
    if (checkedOutByOther(record, deps.userId))
      throw new ConflictError(`${record.name} is checked out by ${record.checkOut?.holderName}`);
    // The owner's root is made the first time it is needed, as everywhere.
    const target =
      folderId === rootFolderId(record.ownerId)
        ? await rootFolder(deps, record.ownerId)
        : await liveFolder(deps.folders, folderId);
    const targetRole = await actingRole(deps, target);
    // A folder the caller cannot see is not said to exist, not even by refusing to move into it.
    if (targetRole === undefined) throw new NotFoundError(`Folder ${folderId} does not exist`);
    if (target.ownerId !== record.ownerId) throw new ForbiddenError("A file moves only within its owner's folders");
    if (!EDIT_ROLES.includes(targetRole)) {
      throw new NotPermittedError(`${deps.userId} may not add files to ${target.name}`);
    }
    // The root is kept as no folder at all, the namespace files had before folders existed.
    const newFolderId = target.folderId === rootFolderId(record.ownerId) ? undefined : target.folderId;
    if (newFolderId === record.folderId) return record;
    const [from, to] = [fileNamespace(record), fileNamespace({ ownerId: record.ownerId, folderId: newFolderId })];
    if (!(await claimName(deps, to, record.name, fileId, deps.now)).claimed) {
      throw new NameTakenError(`Something named "${record.name}" already exists in ${target.name}`);
    }
    const entry = { at: deps.now, by: deps.userId, what: 'move' as const, detail: target.name };
    const change = {
      folderId: newFolderId ?? null,
      activity: withActivity(record.activity, entry),
      rev: record.rev + 1,
    };
    const result = await deps.files.update(fileId, revisedWrite(record), change, deps.now, { returnRecord: true });
    await releaseName(deps, result.applied ? from : to, record.name, fileId);
    if (result.applied) return result.record ?? record;
    if (attempt === ATTEMPTS) throw new ConflictError(`File ${fileId} kept changing; try again`);
  }
}
